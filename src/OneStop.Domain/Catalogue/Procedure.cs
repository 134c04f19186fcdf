using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Catalogue;

/// <summary>One version of a published administrative procedure.</summary>
/// <param name="Id">The national code, or a local identifier where none was found.</param>
/// <param name="NationalCode">The national procedure code; null when none was found.</param>
/// <param name="Version">Starts at 1; a dossier keeps the version it was received under.</param>
/// <param name="NameVi">The official name, in Vietnamese.</param>
/// <param name="NameEn">The name in English.</param>
/// <param name="Field">The field (lĩnh vực) the procedure is published under.</param>
/// <param name="Unit">Code of the handling unit (see <see cref="HandlingUnit"/>).</param>
/// <param name="HandlingUnit">The handling unit as the source states it, notes included.</param>
/// <param name="TimeLimit">The legal time limit; null when the source gives none.</param>
/// <param name="Stages">Published stage limits as given (some bind the applicant).</param>
/// <param name="Steps">The processing steps a dossier goes through, in order.</param>
/// <param name="Components">The dossier's documents, in published order.</param>
/// <param name="FeeVnd">The fee when the source gives one unambiguous amount (0: none).</param>
/// <param name="FeeNote">The fee as the source states it.</param>
/// <param name="Result">What the applicant receives; null if the source does not say.</param>
/// <param name="Channels">How a dossier can be submitted; null if the source does not say.</param>
/// <param name="FullyOnline">Whether the whole procedure, result included, is online.</param>
/// <param name="Source">Where the facts come from.</param>
public sealed record Procedure(
    string Id,
    string? NationalCode,
    int Version,
    string NameVi,
    string NameEn,
    string Field,
    string Unit,
    string HandlingUnit,
    TimeLimit? TimeLimit,
    IReadOnlyList<ProcedureStage> Stages,
    IReadOnlyList<ProcedureStep> Steps,
    IReadOnlyList<ProcedureComponent> Components,
    long? FeeVnd,
    string? FeeNote,
    string? Result,
    IReadOnlyList<Channel>? Channels,
    bool FullyOnline,
    string Source);

/// <summary>One document of a procedure's dossier; <c>Id</c> is stable within a version.</summary>
public sealed record ProcedureComponent(
    string Id,
    string NameVi,
    string NameEn,
    bool Required,
    int Copies);

/// <summary>A time limit the procedure's source publishes for one stage.</summary>
public sealed record ProcedureStage(string Name, TimeLimit Limit);

/// <summary>One processing step: the unit that holds it and its own limit, if published.</summary>
public sealed record ProcedureStep(string Id, string Name, TimeLimit? Limit, string Unit);
