using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using OneStop.Applicants;

namespace OneStop.Integrations.Notifications;

/// <summary>One way of reaching an applicant: e-mail, SMS. Addresses come from the applicant record only.</summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>The applicant's address on this channel, or null when they gave none.</summary>
    string? AddressOf(ApplicantRecord applicant);

    Task SendAsync(string address, NotificationText text, CancellationToken ct);
}

/// <summary>E-mail through an SMTP relay (MailKit).</summary>
public sealed class EmailChannel(SmtpSettings smtp) : INotificationChannel
{
    public string Name => "email";

    public string? AddressOf(ApplicantRecord applicant) => applicant.Email;

    public async Task SendAsync(string address, NotificationText text, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = text.Subject;
        message.Body = new TextPart("plain") { Text = text.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port,
            smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (smtp.User is not null)
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>SMS through an HTTP gateway: POST <c>{ to, text }</c> as JSON, an API key in a header when set.</summary>
public sealed class SmsChannel(IHttpClientFactory clients, IntegrationSettings settings) : INotificationChannel
{
    public const string ClientName = "sms";

    public string Name => "sms";

    public string? AddressOf(ApplicantRecord applicant) => applicant.Phone;

    public async Task SendAsync(string address, NotificationText text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.SmsUrl)
        {
            Content = JsonContent.Create(new { to = address, text = text.Sms }),
        };
        if (settings.SmsApiKey is not null)
            request.Headers.Add("X-Api-Key", settings.SmsApiKey);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
