using System.Globalization;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;

namespace OneStop.Integrations.Notifications;

/// <summary>What the applicant is told about.</summary>
public enum NotificationTemplate
{
    Received,
    SupplementRequested,
    Apology,
    ResultReady,
    ResultSent,
}

/// <summary>One notification in Vietnamese and English; the SMS carries a short form of both.</summary>
public sealed record NotificationText(string Subject, string Body, string Sms);

/// <summary>Which events the applicant hears about, and the words (Vietnamese first, then English).</summary>
public static class NotificationTemplates
{
    public static NotificationTemplate? For(object e) => e switch
    {
        DossierReceived => NotificationTemplate.Received,
        SupplementRequested => NotificationTemplate.SupplementRequested,
        DelayApologised => NotificationTemplate.Apology,
        ResultIssued => NotificationTemplate.ResultReady,
        // At the counter the applicant is there in person; by post or online the result travels.
        ResultReturned { Method: not ReturnMethod.Counter } => NotificationTemplate.ResultSent,
        _ => null,
    };

    public static NotificationText Render(NotificationTemplate template, DossierView v, WorkingCalendar calendar)
    {
        string Local(DateTimeOffset? at) => at is { } instant
            ? TimeZoneInfo.ConvertTime(instant, calendar.TimeZone)
                .ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
            : "—";

        var missing = string.Join(", ", v.Supplements.LastOrDefault()?.Missing ?? []);
        var (vi, en) = template switch
        {
            NotificationTemplate.Received => (
                $"Hồ sơ {v.Code} ({v.ProcedureName}) đã được tiếp nhận. " +
                $"Hẹn trả kết quả: {Local(v.Appointment)}.",
                $"Dossier {v.Code} ({v.ProcedureCode}) was received. Result promised by {Local(v.Appointment)}."),
            NotificationTemplate.SupplementRequested => (
                $"Hồ sơ {v.Code} cần bổ sung: {missing}. Vui lòng bổ sung để tiếp tục giải quyết.",
                $"Dossier {v.Code} needs more documents: {missing}. Please provide them so processing can go on."),
            NotificationTemplate.Apology => (
                $"Chúng tôi xin lỗi: hồ sơ {v.Code} sẽ trả kết quả chậm. Lý do: {v.Delay?.Reason}. " +
                $"Hẹn lại: {Local(v.Delay?.NewAppointment)}.",
                $"We apologise: dossier {v.Code} will be late. Reason: {v.Delay?.Reason}. " +
                $"New appointment: {Local(v.Delay?.NewAppointment)}."),
            NotificationTemplate.ResultReady => (
                $"Kết quả hồ sơ {v.Code} đã sẵn sàng (số {v.ResultNumber}).",
                $"The result of dossier {v.Code} is ready (number {v.ResultNumber})."),
            _ => (
                $"Kết quả hồ sơ {v.Code} đã được gửi ({v.ReturnMethod}" +
                $"{(v.TrackingNumber is null ? "" : ", mã vận đơn " + v.TrackingNumber)}).",
                $"The result of dossier {v.Code} was sent ({v.ReturnMethod}" +
                $"{(v.TrackingNumber is null ? "" : ", tracking " + v.TrackingNumber)})."),
        };
        var subject = template switch
        {
            NotificationTemplate.Received => "Tiếp nhận hồ sơ / Dossier received",
            NotificationTemplate.SupplementRequested => "Yêu cầu bổ sung hồ sơ / Documents needed",
            NotificationTemplate.Apology => "Thư xin lỗi và hẹn lại / Apology and new appointment",
            NotificationTemplate.ResultReady => "Kết quả đã sẵn sàng / Result ready",
            _ => "Đã gửi kết quả / Result sent",
        };
        return new NotificationText($"{subject} — {v.Code}", $"{vi}\n\n{en}\n", $"{vi} / {en}");
    }
}
