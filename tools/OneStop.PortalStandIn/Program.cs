namespace OneStop.PortalStandIn;

/// <summary>
/// <c>dotnet run --project tools/OneStop.PortalStandIn -- [port]</c>: the stand-in portal on 127.0.0.1
/// (port 5090 unless given), for the demo. Point <c>OneStop__Portal__Url</c> at its status address.
/// </summary>
public static class StandInProgram
{
    public static async Task Main(string[] args)
    {
        var port = args.Length > 0 && int.TryParse(args[0], out var given) ? given : 5090;
        await using var standIn = await PortalStandIn.StartAsync(port);
        Console.WriteLine($"Portal stand-in receiving status records at {standIn.StatusUrl}");
        await standIn.WaitForShutdownAsync();
    }
}
