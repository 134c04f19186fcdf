using OneStop.Applicants;
using OneStop.Dossiers;

namespace OneStop.Projections;

/// <summary>The business time and actor every dossier event carries in its body.</summary>
public static class EventFacts
{
    /// <summary>
    /// The instant the event happened in the business (the handler's clock), which differs from the
    /// database timestamp under a simulated clock, on replays of imported history and on retries.
    /// </summary>
    public static (DateTimeOffset? At, Actor? By) Of(object data) => data switch
    {
        DossierSubmitted e => (e.At, e.By),
        ComponentDigitised e => (e.At, e.By),
        DossierReceived e => (e.At, e.By),
        DossierRefused e => (e.At, e.By),
        ReceptionDeadlineMissed e => (e.AnsweredAt, null),
        SupplementRequested e => (e.At, e.By),
        SupplementProvided e => (e.At, e.By),
        DossierHandedOver e => (e.At, e.By),
        ConsultationRequested e => (e.At, e.By),
        ConsultationReplied e => (e.At, e.By),
        DelayApologised e => (e.At, e.By),
        DecisionMade e => (e.At, e.By),
        ResultIssued e => (e.At, e.By),
        FeePaid e => (e.At, e.By),
        ResultReturned e => (e.At, e.By),
        DossierWithdrawn e => (e.At, e.By),
        ProcessingStopped e => (e.At, e.By),
        EventCorrected e => (e.At, e.By),
        PostalPickupRecorded e => (e.At, e.By),
        PostalHandedToReception e => (e.At, e.By),
        ResultHandedToPost e => (e.At, e.By),
        ResultDelivered e => (e.At, e.By),
        ResultDeliveryFailed e => (e.At, e.By),
        DeadlineAlertRaised e => (e.At, null),
        PersonalDataRead e => (e.At, e.By),
        ApplicantRecordCorrected e => (e.At, e.By),
        ApplicantRecordErased e => (e.At, e.By),
        _ => (null, null),
    };
}
