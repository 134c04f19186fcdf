using System.Net.Sockets;
using System.Text.Json;

namespace OneStop.Chaos;

/// <summary>The ways a request dies with the process or the connection that served it.</summary>
public static class Transport
{
    /// <summary>
    /// Refused, reset, timed out, cut mid-body: a killed node surfaces as any of these, sometimes as a bare
    /// SocketException ("Transport endpoint is not connected") that HttpClient does not wrap. None of them
    /// says whether the command committed.
    /// </summary>
    public static bool Lost(Exception e) =>
        e is HttpRequestException or TaskCanceledException or IOException or SocketException or JsonException;
}
