namespace OneStop.Dossiers;

/// <summary>The receiving agency: its identifier (dossier code prefix) and its one-stop desk unit.</summary>
public sealed record AgencySettings(string Code, string ReceptionUnit)
{
    public static AgencySettings From(IConfiguration configuration) => new(
        configuration["OneStop:AgencyCode"] ?? "000.00.00.G06",
        configuration["OneStop:ReceptionUnit"] ?? "MOTCUA");
}
