using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Planner.Api.Options;

namespace Planner.Api.Security;

/// <summary>The outcome of checking a signed link.</summary>
/// <param name="KeyId">Id of the key that made the link, when the signature holds and it has not expired.</param>
/// <param name="Field">The query parameter at fault otherwise (sig, exp or key).</param>
/// <param name="Problem">Why the link is refused.</param>
internal sealed record SignedLinkCheck(string? KeyId, string Field, string Problem);

/// <summary>
/// Time-limited download links that work from a browser without custom headers: a GET URL with
/// <c>key</c> (the id of the API key that made it, never the key), <c>exp</c> (Unix seconds) and <c>sig</c>, an
/// HMAC-SHA256 (RFC 2104) over the method, the path and every other query parameter in ordinal order. The link is
/// scoped like the key that made it (the handler takes that key's role and scope), dies with the key, and a
/// changed path or parameter breaks the signature.
/// </summary>
internal sealed class UrlSigner
{
    /// <summary>The query parameters a signed link adds; endpoints accept them besides their own.</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(["key", "exp", "sig"], StringComparer.OrdinalIgnoreCase);

    private readonly byte[] _secret;
    private readonly TimeProvider _clock;

    /// <summary>Takes the secret from <see cref="PlannerOptions.UrlSigningKey"/>, or a random one.</summary>
    public UrlSigner(IOptions<PlannerOptions> options, TimeProvider clock)
    {
        var configured = options.Value.UrlSigningKey;
        _secret = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured);
        if (_secret.Length < 32)
        {
            throw new InvalidOperationException("Planner:UrlSigningKey must be at least 32 bytes (base64).");
        }

        _clock = clock;
        Lifetime = TimeSpan.FromMinutes(options.Value.SignedUrlMinutes);
    }

    /// <summary>How long a link is valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Signs a GET of <paramref name="path"/> with <paramref name="query"/> for the key <paramref name="keyId"/>; returns the path and query to append to the host, and the expiry.</summary>
    public (string PathAndQuery, DateTimeOffset Expires) Sign(string path, IEnumerable<KeyValuePair<string, string>> query, string keyId)
    {
        var expires = _clock.GetUtcNow().Add(Lifetime);
        var parameters = query.Where(p => !Parameters.Contains(p.Key))
            .Append(new("key", keyId))
            .Append(new("exp", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var sig = Signature(path, parameters);
        var text = string.Join("&", parameters.Append(new("sig", sig)).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return ($"{path}?{text}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>True when the request carries any of the signed-link parameters (and so must be a valid link).</summary>
    public static bool IsSigned(HttpRequest request) => request.Query.Keys.Any(Parameters.Contains);

    /// <summary>Checks a signed request: GET or HEAD, all three parameters once, signature, then expiry.</summary>
    public SignedLinkCheck Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in new[] { "key", "exp", "sig" })
        {
            if (request.Query[name].Count != 1 || string.IsNullOrEmpty(request.Query[name][0]))
            {
                return new(null, name, "a signed link needs key, exp and sig once each.");
            }
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return new(null, "sig", "a signed link is only good for downloading (GET).");
        }

        var parameters = request.Query.Where(q => !string.Equals(q.Key, "sig", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        var expected = Encoding.ASCII.GetBytes(Signature(request.Path.Value ?? string.Empty, parameters));
        var given = Encoding.ASCII.GetBytes(request.Query["sig"][0]!);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return new(null, "sig", "the link's signature does not match: it was changed or made elsewhere.");
        }

        if (!long.TryParse(request.Query["exp"][0], NumberStyles.None, CultureInfo.InvariantCulture, out var exp) || _clock.GetUtcNow().ToUnixTimeSeconds() > exp)
        {
            return new(null, "exp", "the link has expired; ask for a new one.");
        }

        return new(request.Query["key"][0], string.Empty, string.Empty);
    }

    private string Signature(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = new StringBuilder("GET\n").Append(path).Append('\n');
        foreach (var (k, v) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            canonical.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v)).Append('&');
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
