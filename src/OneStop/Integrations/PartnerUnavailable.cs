namespace OneStop.Integrations;

/// <summary>
/// A partner (the portal, the mail relay, the SMS gateway) failed in a way worth retrying later; Wolverine's
/// policy for this exception retries with backoff for hours, then dead-letters the message.
/// </summary>
public class PartnerUnavailable(string message, Exception? inner = null) : Exception(message, inner);
