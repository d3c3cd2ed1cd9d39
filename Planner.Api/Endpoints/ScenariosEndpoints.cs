using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Planner.Api.Layers;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Scenarios;
using Planner.Api.Security;
using Planner.Core.Scenarios;

namespace Planner.Api.Endpoints;

/// <summary>A new scenario.</summary>
/// <param name="Name">Name, unique in the region (letters, digits, '-', '_', '.').</param>
/// <param name="Edits">Edits in the scenario exchange form, applied in order; the scenario stores and answers them in that form's canonical spelling.</param>
internal sealed record CreateScenarioRequest(string Name, JsonElement Edits);

/// <summary>A scenario's new edits (replaces the list).</summary>
/// <param name="Edits">Edits in the scenario exchange form.</param>
internal sealed record UpdateScenarioRequest(JsonElement Edits);

/// <summary>A scenario as returned; its version is also the ETag.</summary>
/// <param name="Name">Name.</param>
/// <param name="Region">Base region.</param>
/// <param name="Version">Version (send it back in If-Match).</param>
/// <param name="Edits">Edits (for a key that sees only some units of the region: the edits about those units and the region-wide parameters).</param>
/// <param name="Links">self.</param>
/// <param name="EditsElsewhere">For a key that sees only some units: how many edits about the rest of the region were left out.</param>
internal sealed record ScenarioResponse(string Name, string Region, long Version, JsonElement Edits, IReadOnlyList<LinkResponse> Links, int? EditsElsewhere = null);

/// <summary>
/// What-if scenarios of a region: create, read, list, edit, delete with ETag / If-Match (a stale write gets 412).
/// A scenario is a plan for the whole region: a key that sees only some of its units (a township key) reads the
/// edits about those units and may not write (403).
/// </summary>
internal static class ScenariosEndpoints
{
    private const int MaxEdits = 1000;

    /// <summary>Maps <c>/regions/{region}/scenarios</c>.</summary>
    public static IEndpointRouteBuilder MapScenariosEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/regions/{region}/scenarios").WithTags("Scenarios").RequireAuthorization(Roles.Viewer);
        read.MapGet("/", List).WithSummary("The region's scenarios.");
        read.MapGet("/{name}", Get).WithName("GetScenario").WithSummary("One scenario; its version is the ETag.");
        var write = app.MapGroup("/regions/{region}/scenarios").WithTags("Scenarios").RequireAuthorization(Roles.Planner);
        write.MapPost("/", Create).WithSummary("Creates a scenario from {name, edits}; 201 with its ETag.");
        write.MapPut("/{name}", Update).WithSummary("Replaces the edits; needs If-Match with the current ETag (412 when stale, 428 without).");
        write.MapDelete("/{name}", Delete).WithSummary("Deletes a scenario; needs If-Match.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ScenarioResponse>>, ProblemHttpResult>> List(string region, RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var list = await scenarios.ListAsync(view.Region.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ScenarioResponse>>([.. list.Select(s => ToResponse(s, view, request))]);
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> Get(string region, string name, RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        var s = view is null ? null : await scenarios.GetAsync(view.Region.Name, name, cancellationToken).ConfigureAwait(false);
        if (view is null || s is null)
        {
            return view is null ? ApiProblems.NotFound("region", region) : ApiProblems.NotFound("scenario", name);
        }

        http.Response.Headers.ETag = ETag(s.Version);
        return TypedResults.Ok(ToResponse(s, view, http.Request));
    }

    private static async Task<Results<Created<ScenarioResponse>, ProblemHttpResult>> Create(
        string region, RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateScenarioRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Name) || body.Name.Length > 100 || !body.Name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return ApiProblems.Field("name", "give 1 to 100 letters, digits, '-', '_' or '.'.", StatusCodes.Status422UnprocessableEntity);
        }

        var (typed, bad) = ScenarioEditsCheck.Read(body.Edits, r.Region, MaxEdits);
        if (bad is not null)
        {
            return bad;
        }

        try
        {
            var edits = ScenarioEditsCheck.ToJson(typed);
            var version = await scenarios.SaveAsync(r.Name, body.Name, edits, null, cancellationToken).ConfigureAwait(false);
            var stored = new StoredScenario(r.Name, body.Name, edits, version);
            http.Response.Headers.ETag = ETag(version);
            var response = ToResponse(stored, null, http.Request);
            return TypedResults.Created(response.Links[0].Href, response);
        }
        catch (ScenarioVersionConflictException)
        {
            return ApiProblems.Conflict($"scenario '{body.Name}' already exists in region '{region}'; edit it with PUT and If-Match, or choose another name.");
        }
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> Update(
        string region, string name, RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (r, current, missing) = await FindForChangeAsync(access, scenarios, user, region, name, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        var (expected, preconditionProblem) = IfMatch(http.Request, name, current.Version);
        if (preconditionProblem is not null)
        {
            return preconditionProblem;
        }

        var (body, problem) = await JsonBody.ReadAsync<UpdateScenarioRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (typed, bad) = ScenarioEditsCheck.Read(body!.Edits, r.Region, MaxEdits);
        if (bad is not null)
        {
            return bad;
        }

        try
        {
            var edits = ScenarioEditsCheck.ToJson(typed);
            var version = await scenarios.SaveAsync(r.Name, name, edits, expected, cancellationToken).ConfigureAwait(false);
            http.Response.Headers.ETag = ETag(version);
            return TypedResults.Ok(ToResponse(new StoredScenario(r.Name, name, edits, version), null, http.Request));
        }
        catch (ScenarioVersionConflictException ex)
        {
            return ApiProblems.Stale("scenario", name, http.Request.Headers.IfMatch.ToString(), ex.Actual ?? 0);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string region, string name, RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, current, missing) = await FindForChangeAsync(access, scenarios, user, region, name, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        var (expected, preconditionProblem) = IfMatch(request, name, current.Version);
        if (preconditionProblem is not null)
        {
            return preconditionProblem;
        }

        try
        {
            return await scenarios.DeleteAsync(r.Name, name, expected!.Value, cancellationToken).ConfigureAwait(false)
                ? TypedResults.NoContent()
                : ApiProblems.NotFound("scenario", name);
        }
        catch (ScenarioVersionConflictException ex)
        {
            return ApiProblems.Stale("scenario", name, request.Headers.IfMatch.ToString(), ex.Actual ?? 0);
        }
    }

    /// <summary>
    /// The region a change of one of its scenarios needs (the whole region: 403 for a key scoped to part of it,
    /// 404 when unseen) and the scenario itself (404 when the region has no such scenario).
    /// </summary>
    internal static async Task<(CatalogRegion Region, StoredScenario Scenario, ProblemHttpResult? Problem)> FindForChangeAsync(
        RegionAccess access, IScenarioCatalog scenarios, ClaimsPrincipal user, string region, string name, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return (null!, null!, refused);
        }

        var scenario = await scenarios.GetAsync(r.Name, name, cancellationToken).ConfigureAwait(false);
        return scenario is null ? (r, null!, ApiProblems.NotFound("scenario", name)) : (r, scenario, null);
    }

    /// <summary>The version in If-Match (RFC 9110, see <see cref="IfMatchHeader"/>): 428 when absent, 400 when unreadable, 412 when it does not match.</summary>
    private static (long? Version, ProblemHttpResult? Problem) IfMatch(HttpRequest request, string name, long current) =>
        IfMatchHeader.Evaluate(request, "scenario", name, current);

    private static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The scenario as <paramref name="view"/> sees it (null: whole), with its self link.</summary>
    private static ScenarioResponse ToResponse(StoredScenario s, RegionView? view, HttpRequest request)
    {
        var self = new LinkResponse($"{request.Scheme}://{request.Host}{request.PathBase}/regions/{Uri.EscapeDataString(s.Region)}/scenarios/{Uri.EscapeDataString(s.Name)}", "self", "application/json");
        if (view?.Units is not { } units)
        {
            return new ScenarioResponse(s.Name, s.Region, s.Version, s.Edits, [self]);
        }

        // Stored edits were checked on save; one that no longer reads (there should be none) is not shown and counts as elsewhere.
        var (typed, _) = ScenarioEditJson.Parse(s.Edits);
        var (edits, elsewhere) = ScenarioEditsScope.Filter(typed, view.Region.Region, units);
        return new ScenarioResponse(s.Name, s.Region, s.Version, ScenarioEditsCheck.ToJson(edits), [self], elsewhere + ((s.Edits.ValueKind == JsonValueKind.Array ? s.Edits.GetArrayLength() : 0) - typed.Length));
    }
}
