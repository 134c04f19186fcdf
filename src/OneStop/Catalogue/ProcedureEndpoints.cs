using System.ComponentModel.DataAnnotations;
using OneStop.Calendar;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Catalogue;

/// <summary>One line of the catalogue listing.</summary>
public sealed record ProcedureSummary(
    string Code,
    string? NationalCode,
    int Version,
    string NameVi,
    string NameEn,
    string Field,
    string Unit,
    TimeLimit? TimeLimit,
    long? FeeVnd);

/// <summary>What the applicant says they have.</summary>
public sealed record CheckComponents([property: Required, MaxLength(100)] IReadOnlyList<string> Components);

/// <summary>Which required components are missing, and which entries matched nothing.</summary>
public sealed record ChecklistAnswer(
    string ProcedureCode,
    bool Complete,
    IReadOnlyList<ProcedureComponent> Missing,
    IReadOnlyList<ProcedureComponent> Provided,
    IReadOnlyList<string> Unknown);

public static class ListProceduresEndpoint
{
    [WolverineGet("/api/procedures")]
    public static IReadOnlyList<ProcedureSummary> Get(string? search, string? field, ProcedureCatalogue catalogue)
    {
        if (search?.Length > 200 || field?.Length > 200)
            throw InvalidInput.Field("search", "Search at most 200 characters.");
        return [.. catalogue.Search(search, field).Select(p => new ProcedureSummary(p.Id, p.NationalCode, p.Version,
            p.NameVi, p.NameEn, p.Field, p.Unit, p.TimeLimit, p.FeeVnd))];
    }
}

public static class GetProcedureEndpoint
{
    [WolverineGet("/api/procedures/{code}")]
    public static Procedure Get(string code, ProcedureCatalogue catalogue) =>
        catalogue.Find(code) ?? throw new NotFound($"No procedure has the code '{code}'.");
}

public static class CheckComponentsEndpoint
{
    [WolverinePost("/api/procedures/{code}/checklist")]
    public static ChecklistAnswer Post(string code, CheckComponents? command, ProcedureCatalogue catalogue)
    {
        var valid = InputRules.Check(command);
        var procedure = catalogue.Find(code) ?? throw new NotFound($"No procedure has the code '{code}'.");
        var result = catalogue.Check(procedure, valid.Components);
        return new ChecklistAnswer(procedure.Id, result.Complete, result.Missing, result.Provided, result.Unknown);
    }
}
