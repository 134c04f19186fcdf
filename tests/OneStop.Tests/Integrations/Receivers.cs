using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OneStop.Tests.Integrations;

/// <summary>A local SMTP server that keeps every message it accepts, parsed, for the test to read.</summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<MimeMessage> messages = [];
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    private SmtpReceiver(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get { lock (gate) return [.. messages]; }
    }

    /// <summary>Listens on 127.0.0.1 at the port (a free one when 0); returns once it accepts connections.</summary>
    public static async Task<SmtpReceiver> StartAsync(int port = 0)
    {
        var receiver = new SmtpReceiver(port == 0 ? FreePort() : port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, receiver.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(receiver));
        receiver.running = new SmtpServer.SmtpServer(options, services).StartAsync(receiver.stop.Token);
        await IntegrationHost.Eventually(receiver.AcceptsAsync, $"the SMTP receiver never listened on {receiver.Port}");
        return receiver;
    }

    /// <summary>The messages sent to the address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Keeper(SmtpReceiver receiver) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (receiver.gate)
                receiver.messages.Add(message);
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>One text message the SMS gateway stand-in received, with the API key it came with.</summary>
public sealed record ReceivedSms(string To, string Text, string? ApiKey);

/// <summary>A local stand-in for the SMS gateway: it accepts <c>POST /sms { to, text }</c>, keeping each.</summary>
public sealed class SmsReceiver : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedSms> received = [];
    private readonly WebApplication app;

    private SmsReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedSms> Received
    {
        get { lock (gate) return [.. received]; }
    }

    public static async Task<SmsReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var receiver = new SmsReceiver(builder.Build());
        receiver.app.MapPost("/sms", (SmsBody body, HttpRequest request) =>
        {
            var sms = new ReceivedSms(body.To, body.Text, request.Headers["X-Api-Key"].FirstOrDefault());
            lock (receiver.gate)
                receiver.received.Add(sms);
            return Results.Accepted();
        });
        await receiver.app.StartAsync();
        receiver.Url = new Uri(receiver.app.Urls.First().TrimEnd('/') + "/sms");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record SmsBody(string To, string Text);
}
