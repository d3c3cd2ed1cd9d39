using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Core.Model;
using Planner.Core.Scenarios;

namespace Planner.Api.Scenarios;

/// <summary>
/// Scenario edits as they arrive in a request body: read once into typed edits (<see cref="ScenarioEditJson"/>) and
/// checked by the core (<see cref="ScenarioEditValidator"/>), the same check a scenario run applies, so an edit saved
/// here always runs. Problems become one problem-details answer naming every bad field (<c>edits[2].lon</c>).
/// </summary>
internal static class ScenarioEditsCheck
{
    /// <summary>
    /// The typed edits of <paramref name="edits"/> against <paramref name="region"/>, or the problem: 400 for a value
    /// of the wrong type, 409 for an id that already exists, 413 for more than <paramref name="maxEdits"/> edits, 422
    /// for a name that refers to nothing or a value out of range.
    /// </summary>
    public static (ImmutableArray<ScenarioEdit> Edits, ProblemHttpResult? Problem) Read(JsonElement edits, Region region, int maxEdits)
    {
        if (edits.ValueKind == JsonValueKind.Array && edits.GetArrayLength() > maxEdits)
        {
            return ([], ApiProblems.Field("edits", $"holds {edits.GetArrayLength()} edits; at most {maxEdits} are accepted.", StatusCodes.Status413PayloadTooLarge));
        }

        var (typed, problems) = ScenarioEditJson.Parse(edits);
        if (problems.Count > 0)
        {
            return ([], ToProblem(problems));
        }

        var invalid = ScenarioEditValidator.Validate(region, typed);
        return invalid.Count > 0 ? ([], ToProblem(invalid)) : (typed, null);
    }

    /// <summary>The exchange form of typed edits, as stored and answered.</summary>
    public static JsonElement ToJson(IEnumerable<ScenarioEdit> edits)
    {
        using var document = JsonDocument.Parse(ScenarioJson.SerializeEdits(edits));
        return document.RootElement.Clone();
    }

    /// <summary>One answer for every problem: the first decides the status and the detail, all are listed in <c>errors</c>.</summary>
    private static ProblemHttpResult ToProblem(IReadOnlyList<ScenarioProblem> problems)
    {
        var first = problems[0];
        var result = ApiProblems.Field(first.Path, first.Message, Status(first.Kind));
        if (result.ProblemDetails is HttpValidationProblemDetails details)
        {
            foreach (var group in problems.Skip(1).GroupBy(p => p.Path, StringComparer.Ordinal))
            {
                details.Errors[group.Key] = [.. details.Errors.TryGetValue(group.Key, out var known) ? known : [], .. group.Select(p => p.Message)];
            }
        }

        return result;
    }

    private static int Status(ScenarioProblemKind kind) => kind switch
    {
        ScenarioProblemKind.Malformed => StatusCodes.Status400BadRequest,
        ScenarioProblemKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
