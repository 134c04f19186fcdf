using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Reading;

/// <summary>The officer view: the projected dossier plus what depends on the moment it is read.</summary>
[JsonConverter(typeof(FlatDossierAnswerConverter))]
public sealed record DossierAnswer(
    DossierView Dossier,
    Timeliness? Timeliness,
    double? RemainingWorkingDays,
    DateTimeOffset ReadAt);

public static class GetDossierEndpoint
{
    [WolverineGet("/api/dossiers/{id}")]
    [Authorize(Policy = Access.AnyOfficer)]
    public static async Task<DossierAnswer> Get(
        Guid id,
        IQuerySession session,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        string? asOf,
        int? version)
    {
        Access.Demand(http, Access.AnyOfficer);
        // The same reading as the calendar's: an instant without an offset is Vietnam time.
        var instant = string.IsNullOrWhiteSpace(asOf) ? (DateTimeOffset?)null
            : CalendarQuery.Instant(asOf, "asOf", calendar.TimeZone);
        if (instant is not null || version is not null)
            return await DossierAsOf.AnswerAsync(session, id, instant, version, calendar, http.RequestAborted);
        var view = await session.LoadAsync<DossierView>(id, http.RequestAborted)
            ?? throw new NotFound($"No dossier has the id {id}.");
        return Answer(view, clock.GetUtcNow(), calendar);
    }

    /// <summary>Timeliness and remaining time judged at <paramref name="now"/>.</summary>
    public static DossierAnswer Answer(DossierView view, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (view.FinishedAt is not null || view.Appointment is not { } appointment)
            return new DossierAnswer(view, view.FinishedTimeliness, null, now);

        var remaining = now < appointment ? calendar.WorkingTimeBetween(now, appointment).TotalHours / 8 : 0;
        return new DossierAnswer(view, calendar.JudgeInProgress(appointment, now), Math.Round(remaining, 2), now);
    }
}

/// <summary>
/// Writes the officer view flat, as API.md describes it: the dossier's own fields (status, version, …) at the
/// top, beside the timeliness, remaining working days and read instant judged when it was read.
/// </summary>
public sealed class FlatDossierAnswerConverter : JsonConverter<DossierAnswer>
{
    public override DossierAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader)?.AsObject() ?? throw new JsonException("A dossier answer is an object.");
        var timeliness = Take(node, nameof(DossierAnswer.Timeliness), options);
        var remaining = Take(node, nameof(DossierAnswer.RemainingWorkingDays), options);
        var readAt = Take(node, nameof(DossierAnswer.ReadAt), options);
        var view = node.Deserialize<DossierView>(options) ?? throw new JsonException("The dossier is missing.");
        return new DossierAnswer(view, timeliness?.Deserialize<Timeliness>(options), remaining?.GetValue<double>(),
            readAt?.Deserialize<DateTimeOffset>(options) ?? default);
    }

    public override void Write(Utf8JsonWriter writer, DossierAnswer value, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(value.Dossier, options)!.AsObject();
        node[Name(nameof(DossierAnswer.Timeliness), options)] =
            JsonSerializer.SerializeToNode(value.Timeliness, options);
        node[Name(nameof(DossierAnswer.RemainingWorkingDays), options)] = value.RemainingWorkingDays;
        node[Name(nameof(DossierAnswer.ReadAt), options)] = JsonSerializer.SerializeToNode(value.ReadAt, options);
        node.WriteTo(writer, options);
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static JsonNode? Take(JsonObject node, string property, JsonSerializerOptions options)
    {
        node.Remove(Name(property, options), out var taken);
        return taken;
    }
}

/// <summary>The OpenAPI document shows the flat officer view that the converter writes.</summary>
public static class FlatDossierAnswerSchema
{
    public static async Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(DossierAnswer))
            return;
        var view = await context.GetOrCreateSchemaAsync(typeof(DossierView), null, ct);
        schema.Type = JsonSchemaType.Object;
        var fields = view.Properties ?? new Dictionary<string, IOpenApiSchema>();
        schema.Properties = new Dictionary<string, IOpenApiSchema>(fields)
        {
            ["timeliness"] = await context.GetOrCreateSchemaAsync(typeof(Timeliness?), null, ct),
            ["remainingWorkingDays"] = new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null },
            ["readAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        };
    }
}
