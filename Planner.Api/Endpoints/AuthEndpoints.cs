using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Api.Security;

namespace Planner.Api.Endpoints;

/// <summary>A request for a new API key.</summary>
/// <param name="Role">viewer, planner or admin.</param>
/// <param name="Scope">Division-code prefix of the regions it may see (digits; empty: the creator's whole scope).</param>
/// <param name="Label">Who or what will use it.</param>
internal sealed record CreateKeyRequest(string Role, string? Scope, string? Label);

/// <summary>A key as listed (never its secret).</summary>
/// <param name="Id">Key id.</param>
/// <param name="Role">Role.</param>
/// <param name="Scope">Division-code prefix.</param>
/// <param name="Label">Label.</param>
/// <param name="Created">Creation time.</param>
internal sealed record KeyResponse(string Id, string Role, string Scope, string Label, DateTimeOffset Created);

/// <summary>A new key: the only time its secret is shown.</summary>
/// <param name="Key">The key to send in <c>X-Api-Key</c>.</param>
/// <param name="Info">Its listing.</param>
internal sealed record CreatedKeyResponse(string Key, KeyResponse Info);

/// <summary>Who the caller is.</summary>
/// <param name="KeyId">Key id.</param>
/// <param name="Role">Role.</param>
/// <param name="Scope">Division-code prefix (empty: every region).</param>
internal sealed record WhoAmIResponse(string KeyId, string Role, string Scope);

/// <summary>API keys: who am I (any key), and key management (admin, within the admin's own scope).</summary>
internal static class AuthEndpoints
{
    /// <summary>Maps <c>/me</c> and <c>/keys</c>.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Me).WithTags("Auth").RequireAuthorization(Roles.Viewer).WithSummary("The calling key's role and scope.");
        var keys = app.MapGroup("/keys").WithTags("Auth").RequireAuthorization(Roles.Admin);
        keys.MapGet("/", List).WithSummary("Keys within the admin's scope (ids, roles, scopes; never secrets).");
        keys.MapPost("/", Create).WithSummary("Creates a key from a JSON body {role, scope, label}; its secret is returned once.");
        keys.MapDelete("/{id}", Delete).WithSummary("Revokes a key.");
        return app;
    }

    private static Ok<WhoAmIResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new WhoAmIResponse(
        user.FindFirstValue(Roles.KeyIdClaim) ?? string.Empty, user.FindFirstValue(ClaimTypes.Role) ?? string.Empty, user.Scope()));

    private static Ok<IReadOnlyList<KeyResponse>> List(ApiKeyStore store, ClaimsPrincipal user) =>
        TypedResults.Ok<IReadOnlyList<KeyResponse>>([.. store.List().Where(k => user.InScope(k.Scope)).Select(ToResponse)]);

    private static async Task<Results<Created<CreatedKeyResponse>, ProblemHttpResult>> Create(ApiKeyStore store, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateKeyRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!Roles.All.Contains(body!.Role))
        {
            return ApiProblems.Field("role", $"'{body.Role}' is not a role; use one of {string.Join(", ", Roles.All)}.", StatusCodes.Status422UnprocessableEntity);
        }

        var scope = body.Scope ?? user.Scope();
        if (scope.Length > 12 || !scope.All(char.IsAsciiDigit))
        {
            return ApiProblems.Field("scope", $"'{scope}' is not a division-code prefix (up to 12 digits).", StatusCodes.Status422UnprocessableEntity);
        }

        if (!user.InScope(scope))
        {
            return ApiProblems.Field("scope", "a key can only be given a scope within the creating key's own scope.", StatusCodes.Status422UnprocessableEntity);
        }

        var (record, key) = store.Create(body.Role, scope, body.Label ?? string.Empty);
        return TypedResults.Created($"/keys/{record.Id}", new CreatedKeyResponse(key, ToResponse(record)));
    }

    private static Results<NoContent, ProblemHttpResult> Delete(string id, ApiKeyStore store, ClaimsPrincipal user)
    {
        var record = store.List().FirstOrDefault(k => k.Id == id);
        if (record is null || !user.InScope(record.Scope) || !store.Delete(id))
        {
            return ApiProblems.NotFound("key", id);
        }

        return TypedResults.NoContent();
    }

    private static KeyResponse ToResponse(ApiKeyRecord k) => new(k.Id, k.Role, k.Scope, k.Label, k.Created);
}
