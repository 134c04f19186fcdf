using System.Globalization;
using OneStop.Calendar;
using OneStop.Catalogue;
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

/// <summary>One notification in the applicant's language: the e-mail's subject and body, and the SMS.</summary>
public sealed record NotificationText(string Subject, string Body, string Sms);

/// <summary>Which events the applicant hears about, and the words, in Vietnamese (the default) or English.</summary>
public static class NotificationTemplates
{
    public const string English = "en";

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

    /// <summary>The text for the dossier as of the event; component names come from its procedure.</summary>
    public static NotificationText Render(NotificationTemplate template, DossierView v, WorkingCalendar calendar,
        Procedure? procedure, string? language)
    {
        string Local(DateTimeOffset? at) => at is { } instant
            ? TimeZoneInfo.ConvertTime(instant, calendar.TimeZone)
                .ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
            : "—";

        var english = language == English;
        var missing = string.Join(", ", (v.Supplements.LastOrDefault()?.Missing ?? []).Select(id =>
            procedure?.Components.FirstOrDefault(c => c.Id == id) is { } c ? (english ? c.NameEn : c.NameVi) : id));
        var tracking = v.TrackingNumber is null ? ""
            : (english ? ", tracking " : ", mã vận đơn ") + v.TrackingNumber;
        var (subject, body) = english ? InEnglish() : InVietnamese();
        return new NotificationText($"{subject} — {v.Code}", body + "\n", body);

        (string, string) InVietnamese() => template switch
        {
            NotificationTemplate.Received => ("Tiếp nhận hồ sơ",
                $"Hồ sơ {v.Code} ({procedure?.NameVi ?? v.ProcedureName}) đã được tiếp nhận. " +
                $"Hẹn trả kết quả: {Local(v.Appointment)}."),
            NotificationTemplate.SupplementRequested => ("Yêu cầu bổ sung hồ sơ",
                $"Hồ sơ {v.Code} cần bổ sung: {missing}. " +
                "Vui lòng bổ sung để tiếp tục giải quyết."),
            NotificationTemplate.Apology => ("Thư xin lỗi và hẹn lại",
                $"Chúng tôi xin lỗi: hồ sơ {v.Code} sẽ trả kết quả chậm. Lý do: {v.Delay?.Reason}. " +
                $"Hẹn lại: {Local(v.Delay?.NewAppointment)}."),
            NotificationTemplate.ResultReady => ("Kết quả đã sẵn sàng",
                $"Kết quả hồ sơ {v.Code} đã sẵn sàng (số {v.ResultNumber})."),
            _ => ("Đã gửi kết quả",
                $"Kết quả hồ sơ {v.Code} đã được gửi {MethodVi(v.ReturnMethod)}{tracking}."),
        };

        (string, string) InEnglish() => template switch
        {
            NotificationTemplate.Received => ("Dossier received",
                $"Dossier {v.Code} ({procedure?.NameEn ?? v.ProcedureCode}) was received. " +
                $"Result promised by {Local(v.Appointment)}."),
            NotificationTemplate.SupplementRequested => ("Documents needed",
                $"Dossier {v.Code} needs more documents: {missing}. Please provide them so processing can go on."),
            NotificationTemplate.Apology => ("Apology and new appointment",
                $"We apologise: dossier {v.Code} will be late. Reason: {v.Delay?.Reason}. " +
                $"New appointment: {Local(v.Delay?.NewAppointment)}."),
            NotificationTemplate.ResultReady => ("Result ready",
                $"The result of dossier {v.Code} is ready (number {v.ResultNumber})."),
            _ => ("Result sent",
                $"The result of dossier {v.Code} was sent {MethodEn(v.ReturnMethod)}{tracking}."),
        };
    }

    private static string MethodVi(ReturnMethod? method) => method switch
    {
        ReturnMethod.Postal => "qua bưu chính",
        ReturnMethod.Online => "trực tuyến",
        _ => "tại bộ phận một cửa",
    };

    private static string MethodEn(ReturnMethod? method) => method switch
    {
        ReturnMethod.Postal => "by post",
        ReturnMethod.Online => "online",
        _ => "at the one-stop desk",
    };
}
