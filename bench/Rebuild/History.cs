using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Bench.Rebuild;

/// <summary>A synthetic dossier: ten events from submission to an online result, spread over 2026.</summary>
public static class History
{
    public const int EventsPerDossier = 10;

    static readonly Actor Reception = new("rc-01", "reception", "MOTCUA");
    static readonly Actor Handler = new("hd-01", "handler", "UBTCDLCL");
    static readonly Actor Head = new("uh-01", "unit-head", "UBTCDLCL");
    static readonly TimeLimit Limit = new(7, TimeUnit.WorkingDays);
    static readonly DateTimeOffset Origin = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    public static (Guid Id, object[] Events) Dossier(int n)
    {
        var id = Guid.CreateVersion7();
        var at = Origin.AddMinutes(n % 500_000);
        var code = $"000.00.00.G06-{at:yyMMdd}-{n:D6}";
        var appointment = at.AddDays(9);
        object[] events =
        [
            new DossierSubmitted(id, code, "G06.TDC.02", 1, "Cấp Giấy chứng nhận đăng ký", "UBTCDLCL", Limit,
                null, [new PlannedStep("Thẩm định", "UBTCDLCL", Limit)], (Channel)(n % 4), Guid.CreateVersion7(),
                "Citizen", "hash", [new ComponentEntry("C01", "Đơn đăng ký", true, true)], null, Reception, at),
            new ComponentDigitised("C01", "scan.pdf", new string('a', 64), 1000, 1, Reception, at.AddMinutes(1)),
            new DossierReceived(appointment, false, at.AddHours(6), Reception, at.AddMinutes(2)),
            new DossierHandedOver(1, "Thẩm định", "MOTCUA", "UBTCDLCL", "hd-01", appointment, Reception,
                at.AddMinutes(3)),
            new ConsultationRequested(1, "Bộ Tài chính", "Ý kiến?", Handler, at.AddDays(1)),
            new ConsultationReplied(1, "Đồng ý", Handler, at.AddDays(2)),
            new DossierHandedOver(1, "Thẩm định", "UBTCDLCL", "UBTCDLCL", "uh-01", appointment, Handler,
                at.AddDays(3)),
            new DecisionMade(Outcome.Approved, "Đủ điều kiện", Head, at.AddDays(4 + n % 10)),
            new ResultIssued(new string('b', 64), code + "-KQ1", Head, at.AddDays(5 + n % 10)),
            new ResultReturned(ReturnMethod.Online, null, true, Reception, at.AddDays(5 + n % 10).AddHours(1)),
        ];
        return (id, events);
    }
}
