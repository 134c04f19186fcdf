namespace OneStop.Catalogue;

/// <summary>How a dossier reaches the one-stop shop.</summary>
public enum Channel
{
    Counter,
    Kiosk,
    Online,
    Postal,
}
