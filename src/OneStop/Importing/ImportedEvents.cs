using OneStop.Applicants;
using OneStop.Catalogue;
using OneStop.Dossiers;

namespace OneStop.Importing;

/// <summary>The events that record one historical dossier, in the order things happened.</summary>
public sealed record ImportedEvents(Guid Id, IReadOnlyList<object> Events)
{
    /// <summary>Why a line cannot be history as given, or null: steps must be in order and not contradict.</summary>
    public static string? Problem(ImportedDossier d)
    {
        DateTimeOffset?[] ordered = [d.SubmittedAt, d.ReceivedAt ?? d.RefusedAt, d.HandedOverAt, d.DecidedAt,
            d.ReturnedAt];
        var known = ordered.Where(t => t is not null).Select(t => t!.Value).ToList();
        if (known.Zip(known.Skip(1)).Any(p => p.Second < p.First))
            return "the instants are out of order (submitted, received, handed over, decided, returned)";
        if (d.RefusedAt is not null && (d.ReceivedAt ?? d.DecidedAt ?? d.WithdrawnAt) is not null)
            return "a refused dossier cannot also be received, decided or withdrawn";
        if (d.WithdrawnAt is not null && d.DecidedAt is not null)
            return "a dossier cannot be withdrawn and decided";
        if ((d.DecidedAt is null) != (d.Outcome is null))
            return "a decision needs both its instant and its outcome";
        if (d.ReturnedAt is not null && (d.DecidedAt is null || d.ReturnMethod is null))
            return "a return needs a decision first and its method";
        if ((d.HandedOverAt ?? d.DecidedAt) is not null && d.ReceivedAt is null)
            return "handling needs a reception first";
        return null;
    }

    public static ImportedEvents For(
        ImportedDossier d,
        Procedure procedure,
        Guid id,
        ApplicantRecord applicant,
        Actor by)
    {
        var events = new List<object>
        {
            new DossierSubmitted(id, d.Code, procedure.Id, procedure.Version, procedure.NameVi, procedure.Unit,
                procedure.TimeLimit, procedure.FeeVnd, [.. procedure.Steps.Select(s => new PlannedStep(s.Name, s.Unit,
                    s.Limit))], d.Channel, applicant.Id, applicant.Kind, applicant.DataHash(),
                [.. procedure.Components.Select(c => new ComponentEntry(c.Id, c.NameVi, c.Required, true))], null, by,
                d.SubmittedAt),
        };
        if (d.RefusedAt is { } refused)
            events.Add(new DossierRefused(d.Note ?? "Refused (imported history)", by, refused));
        if (d.ReceivedAt is { } received)
            events.Add(new DossierReceived(d.Appointment, false, null, by, received));
        if (d.HandedOverAt is { } handed && procedure.Steps.Count > 0)
        {
            events.Add(new DossierHandedOver(1, procedure.Steps[0].Name, by.Unit, procedure.Steps[0].Unit, null, null,
                by, handed));
        }

        if (d.WithdrawnAt is { } withdrawn)
            events.Add(new DossierWithdrawn(d.Note ?? "Withdrawn (imported history)", by, withdrawn));
        if (d.DecidedAt is { } decided)
            events.Add(new DecisionMade(d.Outcome!.Value, d.Note ?? "Decided (imported history)", by, decided));
        if (d.ReturnedAt is { } returned)
            events.Add(new ResultReturned(d.ReturnMethod!.Value, null, false, by, returned));
        return new ImportedEvents(id, events);
    }
}
