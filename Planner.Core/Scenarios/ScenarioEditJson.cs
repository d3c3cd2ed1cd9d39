using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planner.Core.Scenarios;

/// <summary>
/// Reads edits in the JSON exchange form (<see cref="ScenarioJson"/>) into <see cref="ScenarioEdit"/> values at the
/// edge: the API's request bodies and the CLI's <c>--edits FILE.json</c>. Every value's JSON kind is checked before it
/// is read, so a wrong kind is a <see cref="ScenarioProblem"/> naming its path (<c>edits[2].lon</c>), never an
/// exception. Whether the values make sense for a region is <see cref="ScenarioEditValidator"/>'s question.
/// </summary>
/// <remarks>Unknown members are ignored, as the serializer ignores them; <c>null</c> counts as absent.</remarks>
public static class ScenarioEditJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The edit kinds of the exchange form: the discriminators declared on <see cref="ScenarioEdit"/>.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [.. typeof(ScenarioEdit).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    /// <summary>
    /// Reads JSON text holding an array of edits or a single edit object. Text that is not JSON is one problem at
    /// <c>edits</c>.
    /// </summary>
    public static (ImmutableArray<ScenarioEdit> Edits, IReadOnlyList<ScenarioProblem> Problems) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Parse(root);
            }

            var problems = new List<ScenarioProblem>();
            var edit = Read(root, 0, problems);
            return (edit is null ? [] : [edit], problems);
        }
        catch (JsonException ex)
        {
            return ([], [new ScenarioProblem("edits", $"is not JSON: {ex.Message}", ScenarioProblemKind.Malformed)]);
        }
    }

    /// <summary>
    /// Reads a JSON array of edits. The edits returned are those read without problems; when there are problems the
    /// list is incomplete and should not be applied.
    /// </summary>
    public static (ImmutableArray<ScenarioEdit> Edits, IReadOnlyList<ScenarioProblem> Problems) Parse(JsonElement edits)
    {
        if (edits.ValueKind != JsonValueKind.Array)
        {
            return ([], [new ScenarioProblem("edits", "must be an array of edits.", ScenarioProblemKind.Malformed)]);
        }

        var problems = new List<ScenarioProblem>();
        var read = ImmutableArray.CreateBuilder<ScenarioEdit>();
        int i = 0;
        foreach (var e in edits.EnumerateArray())
        {
            if (Read(e, i++, problems) is { } edit)
            {
                read.Add(edit);
            }
        }

        return (read.ToImmutable(), problems);
    }

    /// <summary>One edit object, or null with its problems added.</summary>
    private const string UnpairedSurrogate = "holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF alone): not Unicode text.";

    /// <summary>
    /// Whether <paramref name="value"/> is a string that reads as text. JsonDocument accepts an escaped unpaired
    /// surrogate (<c>"\ud800"</c>) but GetString then throws InvalidOperationException: a 500 before this check.
    /// </summary>
    private static bool IsText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ScenarioEdit? Read(JsonElement e, int index, List<ScenarioProblem> problems)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("kind", out var k) || !IsText(k))
        {
            problems.Add(ScenarioProblem.AtEdit(index, null, "kind", "every edit is an object with a kind (a string).", ScenarioProblemKind.Malformed));
            return null;
        }

        var kind = k.GetString()!;
        var f = new Fields(e, index, kind, problems);
        ScenarioEdit? edit = kind switch
        {
            "add_station" => AddStation(f),
            "move_station" => new MoveStationEdit(f.Text(nameof(MoveStationEdit.StationId)), f.Number(nameof(MoveStationEdit.Lon)), f.Number(nameof(MoveStationEdit.Lat))),
            "remove_station" => new RemoveStationEdit(f.Text(nameof(RemoveStationEdit.StationId))),
            "restaff_station" => new RestaffStationEdit(f.Text(nameof(RestaffStationEdit.StationId)), f.Whole(nameof(RestaffStationEdit.SocialWorkers))),
            "change_status" => new ChangeStatusEdit(f.Text(nameof(ChangeStatusEdit.StationId)), f.Text(nameof(ChangeStatusEdit.Status))),
            "rename_station" => new RenameStationEdit(f.Text(nameof(RenameStationEdit.StationId)), f.Text(nameof(RenameStationEdit.Name))),
            "change_level" => new ChangeLevelEdit(f.Text(nameof(ChangeLevelEdit.StationId)), f.Text(nameof(ChangeLevelEdit.Level))),
            "set_supervisors" => new SetSupervisorsEdit(f.Text(nameof(SetSupervisorsEdit.StationId)), f.Whole(nameof(SetSupervisorsEdit.Supervisors))),
            "set_minutes" => new SetMinutesEdit(f.Number(nameof(SetMinutesEdit.Minutes))),
            "set_mode" => new SetModeEdit(f.Text(nameof(SetModeEdit.Mode))),
            "set_speed" => new SetSpeedEdit(f.Number(nameof(SetSpeedEdit.SpeedKmh))),
            "scale_group" => new ScaleGroupEdit(f.Text(nameof(ScaleGroupEdit.Group)), f.Text(nameof(ScaleGroupEdit.UnitCode)), f.Number(nameof(ScaleGroupEdit.Factor))),
            "add_team" => AddTeam(f),
            "remove_team" => new RemoveTeamEdit(f.Text(nameof(RemoveTeamEdit.TeamId))),
            _ => null,
        };
        if (edit is null)
        {
            problems.Add(ScenarioProblem.AtEdit(index, kind, "kind", $"'{kind}' is not an edit; use one of {string.Join(", ", Kinds)}.", ScenarioProblemKind.Unknown));
        }

        return f.Failed ? null : edit;
    }

    private static AddStationEdit AddStation(Fields f)
    {
        var id = f.Text(nameof(AddStationEdit.Id));
        // Start from the record's own defaults (level, status, staff) and override what the JSON gives.
        var edit = new AddStationEdit(id, f.OptionalText(nameof(AddStationEdit.Name)) ?? id, f.Number(nameof(AddStationEdit.Lon)), f.Number(nameof(AddStationEdit.Lat)));
        return edit with
        {
            Level = f.OptionalText(nameof(AddStationEdit.Level)) ?? edit.Level,
            Status = f.OptionalText(nameof(AddStationEdit.Status)) ?? edit.Status,
            SocialWorkers = f.OptionalWhole(nameof(AddStationEdit.SocialWorkers)) ?? edit.SocialWorkers,
            UnitCode = f.OptionalText(nameof(AddStationEdit.UnitCode)),
        };
    }

    private static AddTeamEdit AddTeam(Fields f)
    {
        var id = f.Text(nameof(AddTeamEdit.Id));
        // Counts and hours left out are 0, as the serializer reads them.
        return new AddTeamEdit(id, f.OptionalText(nameof(AddTeamEdit.Name)) ?? id, f.Number(nameof(AddTeamEdit.Lon)), f.Number(nameof(AddTeamEdit.Lat)),
            f.OptionalWhole(nameof(AddTeamEdit.Members)) ?? 0, f.OptionalWhole(nameof(AddTeamEdit.ActiveMembers)) ?? 0,
            f.Texts(nameof(AddTeamEdit.Skills)), f.OptionalNumber(nameof(AddTeamEdit.WeeklyHours)) ?? 0, f.OptionalText(nameof(AddTeamEdit.UnitCode)));
    }

    /// <summary>Reads the members of one edit object by property name, collecting a problem per missing or mistyped value.</summary>
    private sealed class Fields(JsonElement e, int index, string kind, List<ScenarioProblem> problems)
    {
        public bool Failed { get; private set; }

        /// <summary>A required, non-blank string.</summary>
        public string Text(string property)
        {
            var v = Member(property);
            if (v is { } s && IsText(s) && !string.IsNullOrWhiteSpace(s.GetString()))
            {
                return s.GetString()!;
            }

            Fail(property, v is { ValueKind: JsonValueKind.String } ? UnpairedSurrogate : "is required (a string).");
            return string.Empty;
        }

        /// <summary>A string that may be absent (null).</summary>
        public string? OptionalText(string property)
        {
            var v = Member(property);
            if (v is null || IsText(v.Value))
            {
                return v?.GetString();
            }

            Fail(property, v.Value.ValueKind == JsonValueKind.String ? UnpairedSurrogate : "must be a string.");
            return null;
        }

        /// <summary>A required number.</summary>
        public double Number(string property)
        {
            if (OptionalNumber(property) is { } x)
            {
                return x;
            }

            if (Member(property) is null)
            {
                Fail(property, "is required (a number).");
            }

            return 0;
        }

        /// <summary>A number that may be absent.</summary>
        public double? OptionalNumber(string property)
        {
            var v = Member(property);
            if (v is null)
            {
                return null;
            }

            if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDouble(out var x))
            {
                return x;
            }

            Fail(property, "must be a number.");
            return null;
        }

        /// <summary>A required whole number.</summary>
        public int Whole(string property)
        {
            if (OptionalWhole(property) is { } n)
            {
                return n;
            }

            if (Member(property) is null)
            {
                Fail(property, "is required (a whole number).");
            }

            return 0;
        }

        /// <summary>A whole number that may be absent.</summary>
        public int? OptionalWhole(string property)
        {
            var v = Member(property);
            if (v is null)
            {
                return null;
            }

            if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDouble(out var x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue)
            {
                return (int)x;
            }

            Fail(property, "must be a whole number.");
            return null;
        }

        /// <summary>An array of strings that may be absent (empty).</summary>
        public ImmutableArray<string> Texts(string property)
        {
            var v = Member(property);
            if (v is null)
            {
                return [];
            }

            if (v.Value.ValueKind == JsonValueKind.Array && v.Value.EnumerateArray().All(IsText))
            {
                return [.. v.Value.EnumerateArray().Select(x => x.GetString()!)];
            }

            Fail(property, "must be an array of strings.");
            return [];
        }

        /// <summary>The member, or null when it is absent or JSON null.</summary>
        private JsonElement? Member(string property) =>
            e.TryGetProperty(ScenarioJson.FieldName(property), out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        private void Fail(string property, string message)
        {
            Failed = true;
            problems.Add(ScenarioProblem.AtEdit(index, kind, ScenarioJson.FieldName(property), message, ScenarioProblemKind.Malformed));
        }
    }
}
