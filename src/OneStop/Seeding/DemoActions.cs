using Marten;
using OneStop.Apologising;
using OneStop.Calendar;
using OneStop.Consulting;
using OneStop.Deciding;
using OneStop.Dossiers;
using OneStop.HandingOver;
using OneStop.IssuingResult;
using OneStop.PayingFee;
using OneStop.Receiving;
using OneStop.RequestingSupplement;
using OneStop.ReturningResult;
using OneStop.Stopping;
using OneStop.Supplementing;
using OneStop.Withdrawing;

namespace OneStop.Seeding;

/// <summary>Each demo action is a real command through its slice's decision; it also plans what follows.</summary>
public sealed class DemoActions(DossierCommandRunner runner, WorkingCalendar calendar, Random random)
{
    public async Task ExecuteAsync(
        IDocumentStore store,
        DemoDossier d,
        DemoAction action,
        DateTimeOffset at,
        CancellationToken ct)
    {
        var unit = d.HandlingUnit;
        await using var session = store.LightweightSession();
        Task<CommandAccepted> Run<T>(
            T command,
            Actor actor,
            Func<T, Dossier, CommandContext, IEnumerable<object>> decide)
            where T : class, IVersioned => runner.Run(session, DemoPeople.Origin(actor, at), d.Id, command, decide, ct);

        var reception = DemoPeople.Reception(random);
        var accepted = action switch
        {
            DemoAction.RequestSupplementAtReception => await Run(new RequestSupplement(d.Version, d.MissingAtSubmission,
                "Thiếu thành phần hồ sơ"), reception, RequestSupplementEndpoint.Decide),
            DemoAction.ProvideSupplement => await Run(new ProvideSupplement(d.Version, AllRequired(d)), reception,
                ProvideSupplementEndpoint.Decide),
            DemoAction.Receive => await Run(new ReceiveDossier(d.Version), reception, ReceiveDossierEndpoint.Decide),
            DemoAction.Refuse => await Run(
                new ReceiveDossier(d.Version, "Không thuộc thẩm quyền giải quyết"),
                reception,
                ReceiveDossierEndpoint.Decide),
            DemoAction.HandOver => await Run(new HandOverDossier(d.Version, d.StepsDone + 1, unit),
                d.StepsDone == 0 ? reception : DemoPeople.Handler(unit, random), HandOverDossierEndpoint.Decide),
            DemoAction.RequestSupplementAfterAppraisal => await Run(new RequestSupplement(d.Version,
                ["Bản giải trình kỹ thuật bổ sung"], "Cần làm rõ nội dung"),
                DemoPeople.Handler(unit, random), RequestSupplementEndpoint.Decide),
            DemoAction.Consult => await Run(new RequestConsultation(d.Version, "Bộ Tài chính", "Xin ý kiến"),
                DemoPeople.Handler(unit, random), RequestConsultationEndpoint.Decide),
            DemoAction.ReplyToConsultation => await Run(new ReplyToConsultation(d.Version, "Thống nhất"),
                DemoPeople.Handler(unit, random), (c, dossier, ctx) => ReplyToConsultationEndpoint.Decide(
                    dossier.Consultations, c, dossier, ctx)),
            DemoAction.Apologise => await Run(new ApologiseForDelay(d.Version, "Cần thêm thời gian thẩm định",
                NewAppointment(d)), DemoPeople.Handler(unit, random), ApologiseForDelayEndpoint.Decide),
            DemoAction.Withdraw => await Run(new WithdrawDossier(d.Version, "Người nộp rút hồ sơ"), reception,
                WithdrawDossierEndpoint.Decide),
            DemoAction.Stop => await Run(new StopProcessing(d.Version, "Không đủ điều kiện tiếp tục"),
                DemoPeople.UnitHead(unit), StopProcessingEndpoint.Decide),
            DemoAction.Decide => await Run(
                new DecideDossier(d.Version, d.Rejected ? Outcome.Rejected : Outcome.Approved, "Đã thẩm định"),
                DemoPeople.UnitHead(unit), DecideDossierEndpoint.Decide),
            DemoAction.IssueResult => await Run(new IssueResult(d.Version, Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(d.Id.ToByteArray()))), DemoPeople.UnitHead(unit),
                IssueResultEndpoint.Decide),
            DemoAction.PayFee => await Run(new PayFee(d.Version, d.Procedure.FeeVnd ?? 0, $"BL-{random.Next(100000)}"),
                reception, PayFeeEndpoint.Decide),
            _ => await Run(ReturnOf(d, at), d.Channel == Channel.Postal ? DemoPeople.Postal : reception,
                ReturnResultEndpoint.Decide),
        };
        d.Version = accepted.Version;
        After(d, action, at);
    }

    public void PlanReception(DemoDossier d, DateTimeOffset submittedAt)
    {
        var delay = d.Channel switch
        {
            Channel.Online => Hours(random.NextDouble() * 10 + 0.3),
            Channel.Postal => Hours(random.NextDouble() * 4 + 1),
            _ => TimeSpan.FromMinutes(random.Next(5, 30)),
        };
        var at = calendar.AddWorkingTime(submittedAt, delay);
        d.Plan.Add((at, d.MissingAtSubmission.Count > 0 ? DemoAction.RequestSupplementAtReception
            : d.Refused ? DemoAction.Refuse : DemoAction.Receive));
    }

    /// <summary>A refused command is skipped; the dossier goes on with what was planned after it.</summary>
    public void AfterRefusal(DemoDossier d, DemoAction action, DateTimeOffset at)
    {
        if (action == DemoAction.Decide && d.Plan.Count == 0)
            d.Plan.Add((calendar.AddWorkingTime(at, Hours(4)), DemoAction.Decide));
    }

    private void After(DemoDossier d, DemoAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case DemoAction.RequestSupplementAtReception:
                d.Plan.Add((calendar.AddWorkingTime(at, Days(random.Next(1, 6))), DemoAction.ProvideSupplement));
                break;
            case DemoAction.ProvideSupplement when d.ReceivedAt is null:
                d.Plan.Add((calendar.AddWorkingTime(at, TimeSpan.FromMinutes(20)), DemoAction.Receive));
                break;
            case DemoAction.ProvideSupplement:
                // The legal time limit restarts from the complete dossier.
                if (d.Procedure.TimeLimit is { } restarted)
                    d.Appointment = calendar.Schedule(at, restarted).Appointment;
                break;
            case DemoAction.Receive:
                d.ReceivedAt = at;
                d.Appointment = d.Procedure.TimeLimit is { } limit ? calendar.Schedule(at, limit).Appointment : null;
                d.Plan.Add((calendar.AddWorkingTime(at, Hours(random.NextDouble() * 5 + 0.2)), DemoAction.HandOver));
                break;
            case DemoAction.HandOver:
                d.StepsDone++;
                if (d.StepsDone == 1)
                    PlanProcessing(d, at);
                break;
            case DemoAction.Decide:
                d.Plan.Clear();
                var issued = calendar.AddWorkingTime(at, Hours(random.NextDouble() * 2 + 0.1));
                d.Plan.Add((issued, DemoAction.IssueResult));
                var paid = calendar.AddWorkingTime(issued, Days(random.NextDouble() * 2));
                if (d.Procedure.FeeVnd is > 0)
                    d.Plan.Add((paid, DemoAction.PayFee));
                d.Plan.Add((calendar.AddWorkingTime(paid, Days(random.NextDouble() * 3 + 0.1)), DemoAction.Return));
                break;
            case DemoAction.Withdraw or DemoAction.Stop or DemoAction.Refuse or DemoAction.Return:
                d.Plan.Clear();
                break;
        }
    }

    private void PlanProcessing(DemoDossier d, DateTimeOffset at)
    {
        var received = d.ReceivedAt!.Value;
        var span = d.Appointment is { } appointment ? calendar.WorkingTimeBetween(received, appointment) : Days(12);
        var decideAt = calendar.AddWorkingTime(received, span * d.Pace);
        if (d.AppraisalSupplements > 0)
        {
            var asked = calendar.AddWorkingTime(received, Days(0.5 + random.NextDouble()));
            d.Plan.Add((asked, DemoAction.RequestSupplementAfterAppraisal));
            var back = calendar.AddWorkingTime(asked, Days(0.3));
            d.Plan.Add((back, DemoAction.ProvideSupplement));
            if (d.AppraisalSupplements > 1)
            {
                d.Plan.Add((calendar.AddWorkingTime(received, Days(2.5)), DemoAction.RequestSupplementAfterAppraisal));
                back = calendar.AddWorkingTime(received, Days(4 + random.Next(0, 4)));
                d.Plan.Add((back, DemoAction.ProvideSupplement));
            }

            decideAt = Later(decideAt, calendar.AddWorkingTime(back, Days(1)));
        }

        if (d.Consulted)
        {
            var asked = calendar.AddWorkingTime(Later(at, decideAt - (decideAt - at) * 0.7), Hours(1));
            d.Plan.Add((asked, DemoAction.Consult));
            d.Plan.Add((calendar.AddWorkingTime(asked, Days(random.Next(1, 4))), DemoAction.ReplyToConsultation));
        }

        for (var step = 2; step <= d.Procedure.Steps.Count; step++)
            d.Plan.Add((at + ((decideAt - at) * (step - 1) / d.Procedure.Steps.Count), DemoAction.HandOver));
        if (d.Apologises && d.Appointment is { } due)
            d.Plan.Add((calendar.SubtractWorkingTime(due, Days(1.5)), DemoAction.Apologise));
        if (d.Withdrawn || d.Stopped)
            d.Plan.Add((at + ((decideAt - at) * 0.5), d.Withdrawn ? DemoAction.Withdraw : DemoAction.Stop));
        d.Plan.Add((decideAt, DemoAction.Decide));
    }

    private DateTimeOffset NewAppointment(DemoDossier d)
    {
        var decideAt = d.Plan.FirstOrDefault(p => p.Action == DemoAction.Decide).At;
        var moved = calendar.AddWorkingTime(Later(decideAt, d.Appointment!.Value), Days(1 + random.Next(0, 3)));
        d.Appointment = moved;
        return moved;
    }

    private ReturnResult ReturnOf(DemoDossier d, DateTimeOffset at)
    {
        var method = d.Channel switch
        {
            Channel.Online when random.NextDouble() < 0.7 => ReturnMethod.Online,
            Channel.Postal => ReturnMethod.Postal,
            _ => random.NextDouble() < 0.2 ? ReturnMethod.Postal : ReturnMethod.Counter,
        };
        var tracking = method == ReturnMethod.Postal ? $"EMS{random.Next(100000000)}VN" : null;
        return new ReturnResult(d.Version, method, tracking,
            ApplicantNotified: d.Appointment is { } due && at < due);
    }

    private static List<string> AllRequired(DemoDossier d) =>
        [.. d.Procedure.Components.Where(c => c.Required).Select(c => c.Id)];

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);

    private TimeSpan Days(double days) => calendar.WorkingDayLength * days;
}
