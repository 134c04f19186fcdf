using System.Globalization;
using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Pages;

/// <summary>
/// The pages' language: Vietnamese unless the visitor chose English (<c>?lang=en</c>, remembered in a
/// cookie). Each text sits beside its translation where it is used; this class holds only the shared words.
/// </summary>
public sealed class Wording(IHttpContextAccessor accessor, WorkingCalendar calendar)
{
    public const string Cookie = "lang";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public bool IsEnglish => Choice(accessor.HttpContext) == "en";

    public string Lang => IsEnglish ? "en" : "vi";

    public CultureInfo Culture => IsEnglish ? English : Vietnamese;

    public string this[string vi, string en] => IsEnglish ? en : vi;

    /// <summary>A <c>?lang=</c> choice is kept in a cookie, so every later page speaks the same language.</summary>
    public static void RememberChoice(HttpContext http)
    {
        var asked = http.Request.Query[Cookie].ToString();
        if (asked is "vi" or "en" && OfficerCookie.AppliesTo(http.Request.Path))
            http.Response.Cookies.Append(Cookie, asked, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
    }

    private static string Choice(HttpContext? http)
    {
        var asked = http?.Request.Query[Cookie].ToString();
        if (asked is "vi" or "en")
            return asked;
        return http?.Request.Cookies[Cookie] == "en" ? "en" : "vi";
    }

    /// <summary>This page in the other language, its query kept (a GET page's state is in its query).</summary>
    public string SwitchTo(string lang)
    {
        var request = accessor.HttpContext!.Request;
        var query = request.Query.Where(q => q.Key != Cookie && q.Key != "handler")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return request.Path + "?" + string.Join("&", query.Append($"{Cookie}={lang}"));
    }

    /// <summary>Instants are shown in Hanoi time, the time the calendar and the appointments are in.</summary>
    public string When(DateTimeOffset? instant) => instant is { } at
        ? TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString(IsEnglish ? "d MMM yyyy, HH:mm" : "dd/MM/yyyy HH:mm",
            Culture)
        : "—";

    public string Day(DateTimeOffset? instant) => instant is { } at
        ? TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString(IsEnglish ? "d MMM yyyy" : "dd/MM/yyyy", Culture)
        : "—";

    public string Number(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("N" + decimals, Culture) : "—";

    public string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Culture) + "\u00a0%" : "—";

    public string Money(long? vnd) => vnd switch
    {
        null => this["Theo quy định", "As regulated"],
        0 => this["Không thu phí", "No fee"],
        _ => vnd.Value.ToString("N0", Vietnamese) + " ₫",
    };

    public string Limit(TimeLimit? limit) => limit is null
        ? this["Không quy định", "Not stated"]
        : limit.Unit switch
        {
            TimeUnit.WorkingDays => $"{limit.Value} {this["ngày làm việc", "working days"]}",
            TimeUnit.WorkingHours => $"{limit.Value} {this["giờ làm việc", "working hours"]}",
            TimeUnit.CalendarDays => $"{limit.Value} {this["ngày", "days"]}",
            _ => $"{limit.Value} {this["tháng", "months"]}",
        };

    public string Status(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => this["Đã nộp, chờ tiếp nhận", "Submitted, waiting to be received"],
        DossierStatus.Received => this["Đã tiếp nhận", "Received"],
        DossierStatus.Refused => this["Từ chối tiếp nhận", "Refused at reception"],
        DossierStatus.InProcessing => this["Đang giải quyết", "Being processed"],
        DossierStatus.AwaitingSupplement => this["Chờ bổ sung hồ sơ", "Waiting for missing documents"],
        DossierStatus.AwaitingFee => this["Chờ nộp phí", "Waiting for the fee"],
        DossierStatus.Withdrawn => this["Đã rút hồ sơ", "Withdrawn"],
        DossierStatus.Stopped => this["Dừng xử lý", "Processing stopped"],
        DossierStatus.Processed => this["Đã có kết quả", "Decided, result ready"],
        _ => this["Đã trả kết quả", "Result returned"],
    };

    public string Timeliness(Timeliness? timeliness) => timeliness switch
    {
        Calendar.Timeliness.Early => this["Trước hạn", "Early"],
        Calendar.Timeliness.OnTime => this["Đúng hạn", "On time"],
        Calendar.Timeliness.Late => this["Trễ hạn", "Late"],
        Calendar.Timeliness.OnTrack => this["Trong hạn", "On track"],
        Calendar.Timeliness.DueSoon => this["Sắp đến hạn", "Due soon"],
        Calendar.Timeliness.Overdue => this["Quá hạn", "Overdue"],
        _ => "—",
    };

    /// <summary>A raised deadline alert, as the worklist shows it.</summary>
    public string Alert(DeadlineAlertKind kind) => kind switch
    {
        DeadlineAlertKind.ReceptionDueSoon => this["Sắp hết hạn tiếp nhận", "Reception due soon"],
        DeadlineAlertKind.ReceptionOverdue => this["Quá hạn tiếp nhận", "Reception overdue"],
        DeadlineAlertKind.StepDueSoon => this["Bước xử lý sắp đến hạn", "Step due soon"],
        DeadlineAlertKind.StepOverdue => this["Bước xử lý quá hạn", "Step overdue"],
        DeadlineAlertKind.AppointmentDueSoon => this["Sắp đến hẹn trả", "Appointment due soon"],
        _ => this["Quá hẹn trả", "Appointment overdue"],
    };

    public string Channel(Channel channel) => channel switch
    {
        Dossiers.Channel.Counter => this["Quầy một cửa", "Counter"],
        Dossiers.Channel.Kiosk => this["Ki-ốt tự phục vụ", "Kiosk"],
        Dossiers.Channel.Online => this["Trực tuyến", "Online"],
        _ => this["Bưu chính", "Post"],
    };

    public string Role(string role) => role switch
    {
        "applicant" => this["Người nộp hồ sơ", "Applicant"],
        "reception" => this["Cán bộ tiếp nhận", "Reception officer"],
        "handler" => this["Chuyên viên xử lý", "Handling officer"],
        "unit-head" => this["Lãnh đạo đơn vị", "Unit head"],
        "postal" => this["Nhân viên bưu chính", "Postal officer"],
        "supervisor" => this["Cán bộ giám sát", "Supervisor"],
        "inspector" => this["Thanh tra", "Inspector"],
        "admin" => this["Quản trị", "Administrator"],
        "system" => this["Hệ thống", "System"],
        _ => role,
    };
}
