using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Overseeing;
using OneStop.Projections.Oversight;

namespace OneStop.Reporting;

/// <summary>
/// The public indicators of one procedure (or the whole agency) for one month; definitions in
/// docs/indicators.md. Shares are fractions from 0 to 1, null when there is nothing to divide by.
/// </summary>
public sealed record TransparencyRow(
    string Month,
    string Procedure,
    string ProcedureName,
    int Received,
    int ReceivedAtCounter,
    int ReceivedAtKiosk,
    int ReceivedOnline,
    int ReceivedByPost,
    double? OnlineShare,
    int ResultsReturned,
    int ResultsReturnedOnline,
    double? ElectronicResultShare,
    int DigitisedWithElectronicResult,
    double? DigitisedShare,
    int Judged,
    int OnTime,
    double? OnTimeShare,
    double? AverageProcessingWorkingDays,
    int Withdrawn,
    int Refused);

public static class TransparencyTally
{
    public const string AllProcedures = "*";

    public static TransparencyRow Count(
        IEnumerable<DossierFacts> dossiers,
        ReportingPeriod month,
        DateTimeOffset now,
        WorkingCalendar calendar,
        string procedure,
        string procedureName)
    {
        var asOf = month.AsOf(now);
        var list = dossiers.ToList();
        var received = list.Where(f => month.Contains(f.ReceivedAt)).ToList();
        var returned = list.Where(f => month.Contains(f.ReturnedAt)).ToList();
        var returnedOnline = returned.Where(f => f.ReturnMethod == ReturnMethod.Online).ToList();
        var digitised = returnedOnline.Count(f => f.DigitisedComponents.Count > 0);
        var finished = list.Where(f => month.Contains(f.FinishedAt)).ToList();
        var inProgress = asOf >= month.Start ? list.Where(f => f.IsInProgressAt(asOf)) : [];
        // The national scoring view: the public index is the one published per ministry and province.
        var judged = finished.Select(f => f.NationalTimelinessAt(calendar, f.FinishedAt!.Value))
            .Concat(inProgress.Select(f => f.NationalTimelinessAt(calendar, asOf)))
            .OfType<Timeliness>().ToList();
        var onTime = judged.Count(t => t is not (Timeliness.Late or Timeliness.Overdue));
        var days = finished.Select(f => f.ProcessingWorkingDays(calendar)).OfType<double>().ToList();

        return new TransparencyRow(
            month.Name,
            procedure,
            procedureName,
            received.Count,
            received.Count(f => f.Channel == Channel.Counter),
            received.Count(f => f.Channel == Channel.Kiosk),
            received.Count(f => f.Channel == Channel.Online),
            received.Count(f => f.Channel == Channel.Postal),
            Share(received.Count(f => f.Channel == Channel.Online), received.Count),
            returned.Count,
            returnedOnline.Count,
            Share(returnedOnline.Count, returned.Count),
            digitised,
            Share(digitised, returned.Count),
            judged.Count,
            onTime,
            Share(onTime, judged.Count),
            days.Count == 0 ? null : Math.Round(days.Average(), 2),
            list.Count(f => month.Contains(f.WithdrawnAt)),
            list.Count(f => month.Contains(f.RefusedAt)));
    }

    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
