using System.Collections.Immutable;
using System.Text.Json;

namespace Planner.Core.Import.Tables;

/// <summary>
/// Which table header holds which field: given as <c>field=header,field=header</c> (<c>--columns</c>) or as a JSON
/// object in a file (<c>{"lon": "经度"}</c>); fields not given are found among their usual Chinese and English header
/// names (case-insensitive, spaces and full-width brackets ignored).
/// </summary>
public sealed class ColumnMapping
{
    private readonly ImmutableDictionary<string, string> _given;
    private readonly ImmutableArray<string> _order;

    private ColumnMapping(ImmutableDictionary<string, string>.Builder given, List<string> order)
    {
        _given = given.ToImmutable();
        _order = [.. order.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>No columns given: every field by its usual names.</summary>
    public static ColumnMapping Default { get; } = new(ImmutableDictionary.CreateBuilder<string, string>(), []);

    /// <summary>
    /// Parses <c>field=header,...</c>, or reads the JSON object in the file when <paramref name="text"/> names an
    /// existing <c>.json</c> file.
    /// </summary>
    /// <exception cref="ImportException">A pair without '=' or a file that is not a JSON object of strings.</exception>
    public static ColumnMapping Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(text))
        {
            try
            {
                foreach (var p in JsonDocument.Parse(File.ReadAllText(text)).RootElement.EnumerateObject())
                {
                    map[p.Name] = p.Value.GetString() ?? string.Empty;
                    order.Add(p.Name);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                throw new ImportException(ImportException.Line(text, string.Empty, "--columns", $"not a JSON object of field: header strings ({ex.Message})"), ex);
            }

            return new ColumnMapping(map, order);
        }

        return ParsePairs(text);
    }

    /// <summary>
    /// Parses <c>field=header,...</c> only, never reading a file: for text that comes from a remote caller (the
    /// API), for whom a path would name a file on the server.
    /// </summary>
    /// <exception cref="ImportException">A pair without '='.</exception>
    public static ColumnMapping ParsePairs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var pair in text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--columns", $"'{pair}' is not field=header"));
            }

            map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            order.Add(pair[..eq].Trim());
        }

        return new ColumnMapping(map, order);
    }

    /// <summary>The fields given explicitly, in the order given.</summary>
    public IEnumerable<string> GivenFields => _order;

    /// <summary>
    /// The header that holds <paramref name="field"/>: the given one (null with <paramref name="error"/> when the table
    /// has no such header), else the first of <paramref name="usualNames"/> the table has, else null.
    /// </summary>
    public string? Find(Table table, string field, IReadOnlyList<string> usualNames, out string? error)
    {
        error = null;
        if (_given.TryGetValue(field, out var given))
        {
            var match = table.Headers.FirstOrDefault(h => Normal(h) == Normal(given));
            if (match is null)
            {
                error = $"column '{given}' given for {field} is not in the header ({string.Join(", ", table.Headers)})";
            }

            return match;
        }

        foreach (var name in usualNames)
        {
            var match = table.Headers.FirstOrDefault(h => Normal(h) == Normal(name));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static string Normal(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('（', '(').Replace('）', ')').ToLowerInvariant();
}
