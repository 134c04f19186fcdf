using System.Globalization;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Digitising;

/// <summary>A digitised component's fingerprint, as recorded in the ledger.</summary>
public sealed record DocumentAttached(Guid Id, int Version, string ComponentId, string Sha256, long SizeBytes);

public static class AttachDocumentEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    /// <summary>Multipart form: `version`, `componentId`, `file`.</summary>
    [WolverinePost("/api/dossiers/{id}/documents")]
    [Authorize(Policy = Access.Processing)]
    public static async Task<DocumentAttached> Post(
        Guid id,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner)
    {
        if (!http.Request.HasFormContentType)
            throw InvalidInput.Field("body", "Send multipart/form-data with version, componentId and file.");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? throw InvalidInput.Field("file", "Attach the scanned file.");
        if (file.Length > MaxBytes)
            throw new BadHttpRequestException($"The file is over {MaxBytes} bytes.",
                StatusCodes.Status413PayloadTooLarge);
        if (file.Length == 0)
            throw InvalidInput.Field("file", $"The file must hold 1 byte to {MaxBytes} bytes.");
        if (!int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw InvalidInput.Field("version", "Give the dossier version you last saw.");
        var fileName = SafeStringConverter.Clean(Path.GetFileName(file.FileName)) ?? "";
        if (fileName.Length is 0 or > 255)
            throw InvalidInput.Field("file", "The file name is empty, too long or holds control characters.");

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, http.RequestAborted);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var command = new AttachDocument(version, form["componentId"].ToString(), fileName, sha256, content.LongLength,
            PdfPages.Count(content));

        var origin = runner.OriginOf(http);
        await StoreContentAsync(session, sha256, file.ContentType, content, http.RequestAborted);
        var accepted = await runner.Run(session, origin, id, command, Decide, http.RequestAborted);
        return new DocumentAttached(id, accepted.Version, command.ComponentId, sha256, content.LongLength);
    }

    public static IEnumerable<object> Decide(AttachDocument command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Reception, Roles.Postal, Roles.Handler, Roles.UnitHead);
        dossier.RequireDeskOrHolder(context);
        Rules.Require(!dossier.Status.IsDecidedOrClosed(), Rules.Lifecycle,
            $"A {dossier.Status} dossier takes no more components.");
        if (!dossier.Components.Any(c => string.Equals(c.Id, command.ComponentId, StringComparison.OrdinalIgnoreCase)))
            throw InvalidInput.Field("componentId", $"'{command.ComponentId}' is not a component of this dossier.");
        var componentId = dossier.Components
            .First(c => string.Equals(c.Id, command.ComponentId, StringComparison.OrdinalIgnoreCase)).Id;
        return
        [
            new ComponentDigitised(componentId, command.FileName, command.Sha256, command.SizeBytes, command.PageCount,
                context.Actor, context.Now),
        ];
    }

    private static async Task StoreContentAsync(
        IDocumentSession session,
        string sha256,
        string contentType,
        byte[] content,
        CancellationToken ct)
    {
        // Same transaction as the event: a rejected command leaves no orphan file behind.
        await session.BeginTransactionAsync(ct);
        await using var command = ((NpgsqlConnection)session.Connection!).CreateCommand();
        command.CommandText =
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{DocumentStorage.TableName} " +
            "(sha256, content_type, content) values (@sha, @type, @content) on conflict (sha256) do nothing";
        command.Parameters.AddWithValue("sha", sha256);
        command.Parameters.AddWithValue("type", contentType.Length > 100 ? "application/octet-stream" : contentType);
        command.Parameters.AddWithValue("content", content);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The fingerprint of one uploaded file for one component.</summary>
public sealed record AttachDocument(
    int Version,
    string ComponentId,
    string FileName,
    string Sha256,
    long SizeBytes,
    int? PageCount) : IVersioned;
