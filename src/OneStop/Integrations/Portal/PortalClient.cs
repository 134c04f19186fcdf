
namespace OneStop.Integrations.Portal;

/// <summary>Sends one status change to the portal under its idempotency key.</summary>
public sealed class PortalClient(IHttpClientFactory clients, IntegrationSettings settings)
{
    public const string Name = "portal";

    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>True when the portal says it had already received this key.</summary>
    public async Task<bool> SendAsync(PortalRecord record, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.PortalUrl)
        {
            Content = JsonContent.Create(record),
        };
        request.Headers.Add(IdempotencyHeader, key);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(Name).SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PortalUnavailable($"The portal could not be reached: {e.HttpRequestError}.", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PortalUnavailable("The portal did not answer in time.", e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return response.Headers.Contains(ReplayedHeader);
            if (status is 408 or 425 or 429 or >= 500)
                throw new PortalUnavailable($"The portal answered {status}.");
            throw new PortalRefused($"The portal refused the record with {status}.");
        }
    }
}

/// <summary>The portal is down, slow or overloaded: worth retrying later.</summary>
public sealed class PortalUnavailable(string message, Exception? inner = null) : PartnerUnavailable(message, inner);

/// <summary>The portal refused the record itself: retrying the same record will not help.</summary>
public sealed class PortalRefused(string message) : Exception(message);
