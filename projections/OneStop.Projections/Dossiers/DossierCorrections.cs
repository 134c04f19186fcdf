namespace OneStop.Projections.Dossiers;

/// <summary>How a compensating event undoes the effect of the event it corrects, in the view.</summary>
internal static class DossierCorrections
{
    public static void Undo(DossierView view, long sequence, string eventType, string key)
    {
        switch (eventType)
        {
            case "ComponentDigitised":
                view.Components = [.. view.Components.Select(c => c.Id == key
                    ? c with { Provided = false, Sha256 = null, FileName = null, PageCount = null }
                    : c)];
                break;
            case "FeePaid":
                view.FeePaidVnd -= long.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "ResultIssued":
                view.ResultNumber = null;
                view.ResultSha256 = null;
                break;
            case "DossierHandedOver":
                view.HandOvers =
                    [.. view.HandOvers.Select(h => h.Sequence == sequence ? h with { Corrected = true } : h)];
                var previous = view.HandOvers.LastOrDefault(h => !h.Corrected);
                if (previous is null)
                    DossierViewProjection.MoveTo(view, 0, null, view.HandOvers.FirstOrDefault()?.FromUnit ?? "", null,
                        null);
                else
                    DossierViewProjection.MoveTo(view, previous.Step, previous.StepName, previous.ToUnit,
                        previous.ToOfficer, previous.StepDeadline);
                break;
        }
    }
}
