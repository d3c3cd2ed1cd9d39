using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Planner.Api.Options;

namespace Planner.Api.Security;

/// <summary>A stored key: its id, role and scope, and a salted SHA-256 of its secret (never the secret).</summary>
/// <param name="Id">Public id, the part of the key before the dot.</param>
/// <param name="Role">viewer, planner or admin.</param>
/// <param name="Scope">Division-code prefix of the regions it may see (empty: all).</param>
/// <param name="Label">Who or what uses it.</param>
/// <param name="Salt">Random salt, base64.</param>
/// <param name="Hash">SHA-256 of salt and secret, base64.</param>
/// <param name="Created">When it was made.</param>
internal sealed record ApiKeyRecord(string Id, string Role, string Scope, string Label, string Salt, string Hash, DateTimeOffset Created);

/// <summary>
/// The API keys, kept hashed in a JSON file (<c>Planner:KeysFile</c>). A key reads <c>cmk_&lt;id&gt;.&lt;secret&gt;</c>;
/// the id finds the record, and the secret is checked against its salted hash in constant time. A key given
/// in configuration (<c>Planner:AdminKey</c>) is an admin key over every region, hashed in memory only.
/// </summary>
internal sealed class ApiKeyStore
{
    private const string ConfiguredId = "configured-admin";
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly ApiKeyRecord? _configured;
    private Dictionary<string, ApiKeyRecord> _keys;

    /// <summary>Loads the keys file (a missing file is an empty store).</summary>
    public ApiKeyStore(IOptions<PlannerOptions> options, IHostEnvironment environment)
    {
        var o = options.Value;
        _path = o.KeysFile ?? Path.Combine(environment.ContentRootPath, "App_Data", "keys.json");
        _keys = File.Exists(_path)
            ? JsonSerializer.Deserialize<List<ApiKeyRecord>>(File.ReadAllText(_path), JsonSerializerOptions.Web)!.ToDictionary(k => k.Id, StringComparer.Ordinal)
            : new Dictionary<string, ApiKeyRecord>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(o.AdminKey))
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            _configured = new ApiKeyRecord(ConfiguredId, Roles.Admin, string.Empty, "Planner:AdminKey", Convert.ToBase64String(salt), Hash(salt, o.AdminKey), DateTimeOffset.UtcNow);
        }
    }

    /// <summary>
    /// When no key is configured and none is stored, creates an admin key over every region and prints it
    /// once to <paramref name="console"/> (the console, not the log: keys never go to logs).
    /// </summary>
    public void EnsureAdminKey(TextWriter console)
    {
        lock (_gate)
        {
            if (_configured is not null || _keys.Count > 0)
            {
                return;
            }
        }

        var (_, key) = Create(Roles.Admin, string.Empty, "development admin key");
        console.WriteLine($"CoverageMap API: development admin key (shown once, stored hashed in {_path}):");
        console.WriteLine($"  X-Api-Key: {key}");
    }

    /// <summary>Creates a key and returns its record and its secret text (shown to the caller once).</summary>
    public (ApiKeyRecord Record, string Key) Create(string role, string scope, string label)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(24));
        var salt = RandomNumberGenerator.GetBytes(16);
        var record = new ApiKeyRecord(id, role, scope, label, Convert.ToBase64String(salt), Hash(salt, secret), DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _keys = new Dictionary<string, ApiKeyRecord>(_keys, StringComparer.Ordinal) { [id] = record };
            Save();
        }

        return (record, $"cmk_{id}.{secret}");
    }

    /// <summary>The stored keys (without the configured one).</summary>
    public IReadOnlyList<ApiKeyRecord> List()
    {
        lock (_gate)
        {
            return [.. _keys.Values.OrderBy(k => k.Created)];
        }
    }

    /// <summary>Removes a key; false when there is none with that id.</summary>
    public bool Delete(string id)
    {
        lock (_gate)
        {
            if (!_keys.ContainsKey(id))
            {
                return false;
            }

            _keys = new Dictionary<string, ApiKeyRecord>(_keys.Where(k => k.Key != id), StringComparer.Ordinal);
            Save();
            return true;
        }
    }

    /// <summary>The record of the key with this id (the configured admin key included), or null when it is gone: a signed link dies with its key.</summary>
    public ApiKeyRecord? Find(string id)
    {
        if (_configured is not null && id == _configured.Id)
        {
            return _configured;
        }

        return Volatile.Read(ref _keys).GetValueOrDefault(id);
    }

    /// <summary>The record of a presented key, or null when it matches none.</summary>
    public ApiKeyRecord? Verify(string presented)
    {
        if (presented.StartsWith("cmk_", StringComparison.Ordinal) && presented.IndexOf('.', StringComparison.Ordinal) is var dot and > 4)
        {
            var keys = Volatile.Read(ref _keys);
            if (keys.TryGetValue(presented[4..dot], out var record) && Matches(record, presented[(dot + 1)..]))
            {
                return record;
            }
        }

        return _configured is not null && Matches(_configured, presented) ? _configured : null;
    }

    private static bool Matches(ApiKeyRecord record, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            Convert.FromBase64String(record.Hash),
            Convert.FromBase64String(Hash(Convert.FromBase64String(record.Salt), secret)));

    private static string Hash(byte[] salt, string secret)
    {
        var bytes = new byte[salt.Length + Encoding.UTF8.GetByteCount(secret)];
        salt.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(secret, bytes.AsSpan(salt.Length));
        return Convert.ToBase64String(SHA256.HashData(bytes));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_keys.Values.OrderBy(k => k.Created), new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }));
        File.Move(temp, _path, overwrite: true);
    }
}
