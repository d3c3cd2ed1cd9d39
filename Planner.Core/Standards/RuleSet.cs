using System.Text.Json;

namespace Planner.Core.Standards;

/// <summary>A named set of rules loaded from a JSON file (see <c>data/standards/</c>).</summary>
/// <param name="Name">Rule set name.</param>
/// <param name="Rules">Its rules, in file order.</param>
public sealed record RuleSet(string Name, IReadOnlyList<Rule> Rules)
{
    /// <summary>Every rule kind this version understands.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["station_staff", "unit_has_station", "unit_covered", "volunteer_activity", "volunteer_registration", "supervision_ratio", "workload_hours"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Loads a rule set; throws <see cref="InvalidDataException"/> naming the file, rule and field on bad input.</summary>
    public static RuleSet Load(string path)
    {
        var name = Path.GetFileName(path);
        RuleSetFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RuleSetFile>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: not a rule set: {ex.Message}", ex);
        }

        if (file?.Rules is not { Count: > 0 })
        {
            throw new InvalidDataException($"{name} field 'rules': no rules");
        }

        foreach (var r in file.Rules)
        {
            if (!Kinds.Contains(r.Kind))
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'kind': unknown kind '{r.Kind}', expected one of {string.Join(", ", Kinds)}");
            }

            if (r.Kind == "station_staff" && r.StationLevel is null)
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'stationLevel': required for station_staff");
            }

            if (r.Kind == "supervision_ratio" && !(r.WorkersPerSupervisor > 0))
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'workersPerSupervisor': required for supervision_ratio, a number of social workers more than 0");
            }

            if (r.Circle is not null && Circles.LifeCircleCatalog.Builtin().IdProblem(r.Circle) is { } circle)
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'circle': {circle}");
            }

            if (r.Kind == "unit_covered" && (string.IsNullOrEmpty(r.Group) || r.Group.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_'))))
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'group': '{r.Group}' is not a group name (letters, digits, underscore)");
            }

            if (r.Kind == "unit_covered" && !(r.Min >= 0 && r.Min <= 1))
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'min': a share from 0 to 1 for unit_covered");
            }

            if (r.Kind == "workload_hours" && !(r.Min > 0))
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'min': required for workload_hours, the service hours a social worker gives in a year (Taicang: 1960)");
            }

            if (r.Kind is not ("station_staff" or "workload_hours") && r.UnitLevel is null)
            {
                throw new InvalidDataException($"{name} rule {r.Id} field 'unitLevel': required for {r.Kind}");
            }
        }

        return new RuleSet(file.Name ?? name, file.Rules);
    }

    /// <summary>
    /// What is wrong with this rule set for a region with <paramref name="groups"/>: one line per rule whose group
    /// the region does not record, naming <paramref name="fileName"/>, the rule and the field (empty when it fits).
    /// </summary>
    public IReadOnlyList<string> GroupProblems(Model.PopulationGroups groups, string fileName)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return [.. Rules.Where(r => r.Kind == "unit_covered" && !groups.Contains(r.Group))
            .Select(r => $"{fileName} rule {r.Id} field 'group': unknown group '{r.Group}'; the region has {string.Join(", ", groups.Names)}")];
    }

    private sealed record RuleSetFile(string? Name, List<Rule>? Rules);
}
