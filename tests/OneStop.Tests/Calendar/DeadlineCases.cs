using System.Globalization;
using System.Text.Json;
using OneStop.Calendar;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_computing_the_shared_deadline_cases
{
    static readonly IReadOnlyDictionary<string, JsonElement> cases = LoadCases();

    public static TheoryData<string> CaseNames => new(cases.Keys);

    [Fact]
    public void every_case_of_the_shared_file_is_read()
    {
        cases.Count.ShouldBeGreaterThanOrEqualTo(12, "deadlines.json was not found, or lost cases");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void gives_the_expected_appointment_and_timeliness(string name)
    {
        var @case = cases[name];
        var receivedAt = Instant(@case, "receivedAt");
        var limit = @case.GetProperty("limit");
        var timeLimit = new TimeLimit(
            limit.GetProperty("value").GetInt32(),
            Enum.Parse<TimeUnit>(limit.GetProperty("unit").GetString()!));

        var appointment = WorkingCalendar.Vietnam.Appointment(receivedAt, timeLimit);

        appointment.UtcDateTime.ShouldBe(Instant(@case, "expectedAppointment").UtcDateTime);
        if (@case.TryGetProperty("expectedTimeliness", out var expected))
        {
            WorkingCalendar.Vietnam.Judge(appointment, Instant(@case, "finishedAt"))
                .ShouldBe(Enum.Parse<Timeliness>(expected.GetString()!));
        }
    }

    static DateTimeOffset Instant(JsonElement @case, string property) =>
        DateTimeOffset.Parse(@case.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    static Dictionary<string, JsonElement> LoadCases()
    {
        var path = SharedCases.PathOf("deadlines.json", "Calendar");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    }
}
