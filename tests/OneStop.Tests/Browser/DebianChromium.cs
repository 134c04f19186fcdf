using System.Diagnostics;
using Microsoft.Playwright;

namespace OneStop.Tests.Browser;

/// <summary>
/// Debian's Chromium, installed with apt when missing. Playwright drives it through its executable path: no
/// browser is ever downloaded, and every host name but the loopback address resolves to nothing.
/// </summary>
public static class DebianChromium
{
    private static readonly string[] Paths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static async Task<string> EnsureInstalledAsync()
    {
        if (Find() is { } found)
            return found;
        // CI runs as root on a fresh machine; a failed install is usually a stale package list.
        if (await AptAsync("install -y -qq chromium") != 0)
        {
            await AptAsync("update -qq");
            await AptAsync("install -y -qq chromium");
        }

        return Find() ?? throw new InvalidOperationException(
            "Chromium is missing and `apt-get install chromium` did not install it; browser tests need it.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });

    private static string? Find() => Paths.FirstOrDefault(File.Exists);

    private static async Task<int> AptAsync(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        await apt.StandardOutput.ReadToEndAsync();
        await apt.WaitForExitAsync();
        return apt.ExitCode;
    }
}
