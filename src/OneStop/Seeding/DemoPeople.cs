using OneStop.Applicants;
using OneStop.Auth;
using OneStop.Dossiers;

namespace OneStop.Seeding;

/// <summary>The officers and (fictitious) applicants of the demo.</summary>
public static class DemoPeople
{
    public const string ReceptionUnit = "MOTCUA";
    public static readonly Actor Postal = new("bd-01", Roles.Postal, "BUUDIEN");

    private static readonly string[] FamilyNames =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];

    private static readonly string[] GivenNames =
        ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Thảo"];

    public static Actor Reception(Random random) => new($"rc-0{random.Next(1, 5)}", Roles.Reception, ReceptionUnit);

    public static Actor Handler(string unit, Random random) =>
        new($"hd-{unit.ToLowerInvariant()}-{random.Next(1, 3)}", Roles.Handler, unit);

    public static Actor UnitHead(string unit) => new($"uh-{unit.ToLowerInvariant()}", Roles.UnitHead, unit);

    public static ApplicantDetails Applicant(Random random)
    {
        if (random.NextDouble() < 0.4)
            return new ApplicantDetails(ApplicantKind.Enterprise, $"Công ty TNHH Demo {random.Next(1, 500)}",
                Email: $"lienhe{random.Next(1, 500)}@demo.invalid");
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} Văn {GivenNames[random.Next(GivenNames.Length)]}";
        return new ApplicantDetails(ApplicantKind.Citizen, name, $"0010{random.Next(10_000_000, 99_999_999)}",
            $"09{random.Next(10_000_000, 99_999_999)}");
    }

    public static CommandOrigin Origin(Actor actor, DateTimeOffset at, string channel = "officer-desk") =>
        new(actor, at, Guid.CreateVersion7().ToString(), "seed-demo", channel, "seed-demo", Simulated: true);
}
