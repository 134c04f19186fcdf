using System.Globalization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using OneStop.Dossiers;
using Wording = (string En, string Vi, OneStop.Dossiers.Actor? By, System.DateTimeOffset At, bool Internal);

namespace OneStop.Projections.Dossiers;

/// <summary>A dossier's history in plain words, one entry per event.</summary>
public sealed class DossierTimeline
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public List<TimelineEntry> Entries { get; set; } = [];
}

/// <summary>One event in plain words (English and Vietnamese), with the role and unit that acted.</summary>
public sealed record TimelineEntry(
    long Sequence,
    int Version,
    DateTimeOffset At,
    string EventType,
    string Text,
    string TextVi,
    string Role,
    string Unit,
    string Officer,
    bool Internal);

/// <summary>Builds <see cref="DossierTimeline"/>: every event becomes one entry.</summary>
public sealed class DossierTimelineProjection : SingleStreamProjection<DossierTimeline, Guid>
{
    public static DossierTimeline Create(IEvent<DossierSubmitted> e)
    {
        var timeline = new DossierTimeline { Id = e.Data.DossierId, Code = e.Data.Code };
        Add(timeline, e);
        return timeline;
    }

    public static void Apply(IEvent<ComponentDigitised> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DossierReceived> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DossierRefused> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ReceptionDeadlineMissed> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<SupplementRequested> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<SupplementProvided> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DossierHandedOver> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ConsultationRequested> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ConsultationReplied> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DelayApologised> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DecisionMade> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ResultIssued> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<FeePaid> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ResultReturned> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DossierWithdrawn> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ProcessingStopped> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<EventCorrected> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<PostalPickupRecorded> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<PostalHandedToReception> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ResultHandedToPost> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ResultDelivered> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<ResultDeliveryFailed> e, DossierTimeline t) => Add(t, e);
    public static void Apply(IEvent<DeadlineAlertRaised> e, DossierTimeline t) => Add(t, e);

    private static void Add(DossierTimeline timeline, IEvent e)
    {
        var (text, textVi, by, at, isInternal) = TimelineWords.Describe(e.Data);
        timeline.Version = (int)e.Version;
        timeline.Entries.Add(new TimelineEntry(e.Sequence, (int)e.Version, at, e.EventTypeName, text, textVi,
            by?.Role ?? "system", by?.Unit ?? "system", by?.OfficerId ?? "system", isInternal));
    }
}

/// <summary>The plain words for each event.</summary>
internal static class TimelineWords
{
    private static string D(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static Wording Describe(object data) => data switch
    {
        DossierSubmitted s => ($"Dossier {s.Code} submitted ({s.Channel}) for {s.ProcedureCode}.",
            $"Nộp hồ sơ {s.Code} ({s.Channel}) cho thủ tục {s.ProcedureCode}.", s.By, s.At, false),
        ComponentDigitised d => ($"Component {d.ComponentId} digitised ({d.FileName}, SHA-256 {d.Sha256[..12]}…).",
            $"Số hóa thành phần {d.ComponentId} ({d.FileName}).", d.By, d.At, false),
        DossierReceived r => (r.Appointment is { } a
                ? $"Dossier received; result promised by {D(a)}." : "Dossier received; no statutory time limit.",
            r.Appointment is { } b
                ? $"Tiếp nhận hồ sơ; hẹn trả kết quả {D(b)}."
                : "Tiếp nhận hồ sơ.",
            r.By, r.At, false),
        DossierRefused r => ($"Dossier refused: {r.Reason}", $"Từ chối tiếp nhận: {r.Reason}", r.By, r.At,
            false),
        ReceptionDeadlineMissed m => ($"Online dossier answered after the 8-working-hour limit ({D(m.Deadline)}).",
            $"Trả lời hồ sơ trực tuyến quá hạn 8 giờ làm việc ({D(m.Deadline)}).",
            null, m.AnsweredAt, false),
        SupplementRequested q => ($"Supplement requested: {string.Join(", ", q.Missing)}. {q.Reason}",
            $"Yêu cầu bổ sung: {string.Join(", ", q.Missing)}. {q.Reason}", q.By, q.At, false),
        SupplementProvided p => ($"Supplement provided: {string.Join(", ", p.Components)}.",
            $"Đã bổ sung: {string.Join(", ", p.Components)}.", p.By, p.At, false),
        DossierHandedOver h => ($"Handed over from {h.FromUnit} to {h.ToUnit} for step {h.Step}: {h.StepName}.",
            $"Chuyển từ {h.FromUnit} đến {h.ToUnit}, bước {h.Step}: {h.StepName}.", h.By, h.At, false),
        ConsultationRequested c => ($"Consultation {c.Number} sent to {c.Agency}.",
            $"Gửi xin ý kiến {c.Agency} (lần {c.Number}).", c.By, c.At, true),
        ConsultationReplied c => ($"Consultation {c.Number} answered.", $"Nhận ý kiến lần {c.Number}.", c.By,
            c.At, true),
        DelayApologised d => ($"Apology for delay: {d.Reason}. New appointment {D(d.NewAppointment)}.",
            $"Xin lỗi vì trễ hạn: {d.Reason}. Hẹn lại {D(d.NewAppointment)}.", d.By, d.At, false),
        DecisionMade m => ($"Decision: {m.Outcome}.",
            m.Outcome == Outcome.Approved ? "Đã phê duyệt." : "Từ chối.", m.By, m.At, false),
        ResultIssued r => ($"Result {r.ResultNumber} issued.", $"Ban hành kết quả {r.ResultNumber}.", r.By, r.At,
            false),
        FeePaid f => ($"Fee of {f.Amount:N0} VND paid (receipt {f.ReceiptNumber}).",
            $"Đã nộp phí {f.Amount:N0} đồng (biên lai {f.ReceiptNumber}).", f.By, f.At, false),
        ResultReturned r => (
            $"Result returned ({r.Method}{(r.TrackingNumber is null ? "" : ", " + r.TrackingNumber)}).",
            $"Trả kết quả ({r.Method}).", r.By, r.At, false),
        DossierWithdrawn w => ($"Withdrawn: {w.Reason}", $"Rút hồ sơ: {w.Reason}", w.By, w.At, false),
        ProcessingStopped s => ($"Processing stopped: {s.Reason}", $"Dừng xử lý: {s.Reason}", s.By, s.At, false),
        EventCorrected c => ($"Event {c.CorrectsSequence} ({c.CorrectedEventType}) corrected: {c.Reason}",
            $"Đính chính sự kiện {c.CorrectsSequence}: {c.Reason}", c.By, c.At, false),
        PostalPickupRecorded p => ($"Collected by Vietnam Post at the applicant's address (item {p.PostalItemNumber}).",
            $"Bưu điện đã nhận hồ sơ tại địa chỉ người nộp (bưu gửi {p.PostalItemNumber}).",
            p.By, p.At, false),
        PostalHandedToReception p => ($"Vietnam Post handed the dossier to the one-stop desk ({p.PostalItemNumber}).",
            $"Bưu điện đã chuyển hồ sơ đến bộ phận một cửa ({p.PostalItemNumber}).",
            p.By, p.At, false),
        ResultHandedToPost r => ($"Result handed to Vietnam Post for delivery (tracking {r.TrackingNumber}).",
            $"Đã giao kết quả cho bưu điện để chuyển phát (mã vận đơn {r.TrackingNumber}).",
            r.By, r.At, false),
        ResultDelivered r => ($"Result delivered to the applicant by Vietnam Post ({r.TrackingNumber}).",
            $"Bưu điện đã phát kết quả cho người nộp ({r.TrackingNumber}).", r.By, r.At, false),
        ResultDeliveryFailed r => ($"Result returned undelivered by Vietnam Post ({r.TrackingNumber}): {r.Reason}",
            $"Bưu điện phát kết quả không thành công ({r.TrackingNumber}): {r.Reason}", r.By, r.At, false),
        DeadlineAlertRaised a => ($"Deadline alert: {AlertEn(a.Kind)} ({D(a.Due)}).",
            $"Cảnh báo thời hạn: {AlertVi(a.Kind)} ({D(a.Due)}).", null, a.At, true),
        _ => (data.GetType().Name, data.GetType().Name, null, DateTimeOffset.MinValue, true),
    };

    private static string AlertEn(DeadlineAlertKind kind) => kind switch
    {
        DeadlineAlertKind.ReceptionDueSoon => "the 8 working hours for reception end soon",
        DeadlineAlertKind.ReceptionOverdue => "not answered within 8 working hours",
        DeadlineAlertKind.StepDueSoon => "the step is due within one working day",
        DeadlineAlertKind.StepOverdue => "the step is overdue",
        DeadlineAlertKind.AppointmentDueSoon => "the appointment is within one working day",
        _ => "the appointment has passed",
    };

    private static string AlertVi(DeadlineAlertKind kind) => kind switch
    {
        DeadlineAlertKind.ReceptionDueSoon => "sắp hết 8 giờ làm việc để tiếp nhận",
        DeadlineAlertKind.ReceptionOverdue => "quá 8 giờ làm việc chưa tiếp nhận",
        DeadlineAlertKind.StepDueSoon => "bước xử lý sắp đến hạn",
        DeadlineAlertKind.StepOverdue => "bước xử lý quá hạn",
        DeadlineAlertKind.AppointmentDueSoon => "sắp đến hạn trả kết quả",
        _ => "quá hạn trả kết quả",
    };
}
