using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Core.Model;

namespace Planner.Core.Network;

/// <summary>
/// A travel mode as data (walk, ebike, drive): which OSM highway classes may be used, at what speed, and whether
/// oneway tags bind. Loaded from the JSON files in <c>data/profiles/</c>; the defaults are embedded in the
/// assembly (<see cref="Builtin"/>) so nothing depends on the working directory.
/// </summary>
/// <remarks>
/// Access rules (<see cref="Allows"/>): a way needs a highway tag not listed in <see cref="NotBuiltHighways"/>;
/// <c>{modeTag}=no</c> excludes it; an <see cref="ExcludedHighways"/> class is allowed only with
/// <c>{modeTag}=yes|designated</c>; <c>access=no|private</c> excludes it unless the mode tag says yes
/// (yes, designated or permissive). For walk the mode tag is <c>foot</c>.
/// </remarks>
public sealed record TravelProfile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Mode name: walk, ebike, drive, or a custom name.</summary>
    public required string Name { get; init; }

    /// <summary>Default speed in km/h, used on every class without its own entry in <see cref="HighwaySpeedsKmh"/>.</summary>
    public required double SpeedKmh { get; init; }

    /// <summary>The OSM access key of this mode (<c>foot</c>, <c>bicycle</c>, <c>motor_vehicle</c>).</summary>
    public string ModeTag { get; init; } = "foot";

    /// <summary>When set, only these highway classes are used (unless the mode tag says yes); null allows every class.</summary>
    public ImmutableHashSet<string>? AllowedHighways { get; init; }

    /// <summary>Highway classes excluded unless the mode tag is yes or designated.</summary>
    public ImmutableHashSet<string> ExcludedHighways { get; init; } = [];

    /// <summary>Highway values that describe no usable road (proposed, construction, ...); always excluded.</summary>
    public ImmutableHashSet<string> NotBuiltHighways { get; init; } = [];

    /// <summary>Speed in km/h per highway class, overriding <see cref="SpeedKmh"/>.</summary>
    public ImmutableDictionary<string, double> HighwaySpeedsKmh { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Speed in km/h per population group (e.g. elderly 3.6 on foot); a group listed here gets its own coverage pass.</summary>
    public ImmutableDictionary<string, double> GroupSpeedsKmh { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>True when <c>oneway</c> tags bind (drive, ebike); walking ignores them.</summary>
    public bool RespectOneway { get; init; }

    /// <summary>Names of the embedded profiles.</summary>
    public static IReadOnlyList<string> BuiltinNames { get; } = ["walk", "ebike", "drive"];

    /// <summary>The embedded default walk profile (4.8 km/h, elderly 3.6 km/h).</summary>
    public static TravelProfile Walk() => Builtin("walk");

    /// <summary>Loads an embedded default profile by name (walk, ebike, drive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="BuiltinNames"/>.</exception>
    public static TravelProfile Builtin(string name)
    {
        using var stream = typeof(TravelProfile).Assembly.GetManifestResourceStream($"Planner.Core.Profiles.{name}.json")
            ?? throw new ArgumentException($"Unknown travel mode '{name}'; use one of {string.Join(", ", BuiltinNames)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Reads a profile from a JSON file.</summary>
    public static TravelProfile Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Parses a profile from JSON text (the format of <c>data/profiles/*.json</c>).</summary>
    /// <exception cref="FormatException">The text is not a valid profile.</exception>
    public static TravelProfile FromJson(string json)
    {
        ProfileFile file;
        try
        {
            file = JsonSerializer.Deserialize<ProfileFile>(json, JsonOptions) ?? throw new FormatException("Empty travel profile.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid travel profile JSON: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(file.Name) || !(file.SpeedKmh > 0))
        {
            throw new FormatException("A travel profile needs a name and a positive speedKmh.");
        }

        var speeds = file.HighwaySpeedsKmh ?? [];
        var groups = file.GroupSpeedsKmh ?? [];
        if (speeds.Values.Concat(groups.Values).Any(v => !(v > 0)))
        {
            throw new FormatException($"Travel profile '{file.Name}': every speed must be positive.");
        }

        return new TravelProfile
        {
            Name = file.Name,
            SpeedKmh = file.SpeedKmh,
            ModeTag = string.IsNullOrWhiteSpace(file.ModeTag) ? "foot" : file.ModeTag,
            AllowedHighways = file.AllowedHighways?.ToImmutableHashSet(StringComparer.Ordinal),
            ExcludedHighways = (file.ExcludedHighways ?? []).ToImmutableHashSet(StringComparer.Ordinal),
            NotBuiltHighways = (file.NotBuiltHighways ?? []).ToImmutableHashSet(StringComparer.Ordinal),
            HighwaySpeedsKmh = speeds.ToImmutableDictionary(StringComparer.Ordinal),
            GroupSpeedsKmh = groups.ToImmutableDictionary(StringComparer.Ordinal),
            RespectOneway = file.RespectOneway,
        };
    }

    /// <summary>True when this mode may use <paramref name="road"/> (see the access rules in the remarks).</summary>
    public bool Allows(Road road)
    {
        ArgumentNullException.ThrowIfNull(road);
        string highway = road.Highway;
        if (highway.Length == 0 || NotBuiltHighways.Contains(highway))
        {
            return false;
        }

        string? mode = road.Tag(ModeTag);
        if (mode == "no")
        {
            return false;
        }

        bool explicitYes = mode is "yes" or "designated";
        bool saysYes = explicitYes || mode == "permissive";
        if (ExcludedHighways.Contains(highway) && !explicitYes)
        {
            return false;
        }

        if (AllowedHighways is not null && !AllowedHighways.Contains(highway) && !saysYes)
        {
            return false;
        }

        return road.Tag("access") is not ("no" or "private") || saysYes;
    }

    /// <summary>Speed in km/h on <paramref name="road"/>: its class's speed, else <see cref="SpeedKmh"/>.</summary>
    public double SpeedKmhOn(Road road) =>
        HighwaySpeedsKmh.TryGetValue(road.Highway, out var v) ? v : SpeedKmh;

    /// <summary>The directions this mode may travel <paramref name="road"/> in its digitised order.</summary>
    public TravelDirections DirectionsOn(Road road)
    {
        if (!RespectOneway)
        {
            return TravelDirections.Both;
        }

        return road.Tag("oneway") switch
        {
            "yes" or "true" or "1" => TravelDirections.Forward,
            "-1" or "reverse" => TravelDirections.Backward,
            "no" or "false" or "0" => TravelDirections.Both,
            _ => road.Tag("junction") is "roundabout" or "circular" ? TravelDirections.Forward : TravelDirections.Both,
        };
    }

    private sealed class ProfileFile
    {
        public string Name { get; set; } = string.Empty;

        public double SpeedKmh { get; set; }

        public string? ModeTag { get; set; }

        public List<string>? AllowedHighways { get; set; }

        public List<string>? ExcludedHighways { get; set; }

        public List<string>? NotBuiltHighways { get; set; }

        public Dictionary<string, double>? HighwaySpeedsKmh { get; set; }

        public Dictionary<string, double>? GroupSpeedsKmh { get; set; }

        public bool RespectOneway { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }
}
