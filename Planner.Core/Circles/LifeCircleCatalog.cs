using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Circles;

/// <summary>
/// The life circles a run may name, read from a JSON file (<c>data/standards/circles.json</c>, embedded as the
/// default catalogue). Checked on load: minutes within <see cref="TravelLimits.Minutes"/>, a known mode, a cap
/// more than 0, known station levels and statuses; a problem names the file, the circle id and the field.
/// </summary>
public sealed class LifeCircleCatalog
{
    /// <summary>The id of the default circle: GB 50180-2018's 15-minute walk, capped at 1,000 m.</summary>
    public const string DefaultId = "gb50180-15min";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly ImmutableDictionary<string, LifeCircle> _byId;

    private LifeCircleCatalog(ImmutableArray<LifeCircle> circles)
    {
        Circles = circles;
        _byId = circles.ToImmutableDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The circles in file order.</summary>
    public ImmutableArray<LifeCircle> Circles { get; }

    /// <summary>The default circle (<see cref="DefaultId"/>).</summary>
    public LifeCircle Default => _byId[DefaultId];

    /// <summary>The embedded catalogue (the shipped <c>data/standards/circles.json</c>).</summary>
    public static LifeCircleCatalog Builtin()
    {
        using var stream = typeof(LifeCircleCatalog).Assembly.GetManifestResourceStream("Planner.Core.Standards.circles.json")
            ?? throw new InvalidOperationException("The embedded circles.json is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "circles.json");
    }

    /// <summary>Reads a catalogue from a file; <see cref="InvalidDataException"/> names the file, circle and field.</summary>
    public static LifeCircleCatalog Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses a catalogue; <paramref name="fileName"/> is used in the messages.</summary>
    /// <exception cref="InvalidDataException">Every problem found, one per line.</exception>
    public static LifeCircleCatalog Parse(string json, string fileName)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{fileName}: not a circle catalogue: {ex.Message}", ex);
        }

        if (file?.Circles is not { Count: > 0 })
        {
            throw new InvalidDataException($"{fileName} field 'circles': no circles");
        }

        var problems = new List<string>();
        var circles = new List<LifeCircle>();
        foreach (var c in file.Circles)
        {
            if (ToCircle(c, fileName, problems) is { } circle)
            {
                if (circles.Any(x => x.Id == circle.Id))
                {
                    problems.Add($"{fileName} circle {circle.Id} field 'id': duplicate");
                }

                circles.Add(circle);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        }

        return new LifeCircleCatalog([.. circles]);
    }

    /// <summary>The circle named <paramref name="id"/>, or null.</summary>
    public LifeCircle? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>What is wrong with a circle id (unknown), or null.</summary>
    public string? IdProblem(string id) =>
        _byId.ContainsKey(id) ? null : $"circle '{id}' is unknown; use one of {string.Join(", ", Circles.Select(c => c.Id))}.";

    private static LifeCircle? ToCircle(CircleFile c, string fileName, List<string> problems)
    {
        string id = string.IsNullOrWhiteSpace(c.Id) ? "(no id)" : c.Id;
        void Problem(string field, string message) => problems.Add($"{fileName} circle {id} field '{field}': {message}");
        int before = problems.Count;
        if (string.IsNullOrWhiteSpace(c.Id))
        {
            Problem("id", "required");
        }

        if (TravelLimits.MinutesProblem(c.Minutes) is { } minutes)
        {
            Problem("minutes", minutes);
        }

        if (!TravelLimits.IsMode(c.Mode))
        {
            Problem("mode", TravelLimits.ModeProblem(c.Mode)!);
        }

        if (c.CapMeters is { } cap && !(cap > 0 && double.IsFinite(cap)))
        {
            Problem("capMeters", $"{cap.ToString(CultureInfo.InvariantCulture)} is not a distance; give more than 0 metres or leave it out for no cap.");
        }

        var levels = new List<StationLevel>();
        foreach (var l in c.StationLevels ?? [])
        {
            if (DomainNames.TryParseStationLevel(l, out var level))
            {
                levels.Add(level.Value);
            }
            else
            {
                Problem("stationLevels", $"unknown station level '{l}'; use county_center, area_center, township_station or village_point.");
            }
        }

        var statuses = new List<StationStatus>();
        foreach (var s in c.Statuses ?? ["operating"])
        {
            if (DomainNames.TryParseStationStatus(s, out var status))
            {
                statuses.Add(status.Value);
            }
            else
            {
                Problem("statuses", $"unknown station status '{s}'; use planned, built or operating.");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new LifeCircle
        {
            Id = c.Id!,
            TitleZh = c.TitleZh ?? c.Id!,
            TitleEn = c.TitleEn ?? c.Id!,
            Minutes = c.Minutes,
            Mode = c.Mode!,
            CapMeters = c.CapMeters,
            StationLevels = [.. levels],
            Statuses = [.. statuses],
            PopulationMin = c.PopulationMin,
            PopulationMax = c.PopulationMax,
            Source = c.Source ?? string.Empty,
            National = c.National ?? true,
        };
    }

    private sealed record CatalogFile(string? Name, List<CircleFile>? Circles);

    private sealed record CircleFile(string? Id, string? TitleZh, string? TitleEn, double Minutes, string? Mode, double? CapMeters,
        List<string>? StationLevels, List<string>? Statuses, double? PopulationMin, double? PopulationMax, string? Source, bool? National);
}
