using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Planner.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against <see cref="ApiKeyStore"/>, or a signed download link
/// (<see cref="UrlSigner"/>) as the key that made it; the principal carries the key's role, scope and id. Missing
/// or unknown keys get 401, too weak a role 403, a changed or expired link 403 naming <c>sig</c> or <c>exp</c>, all
/// as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, UrlSigner signer, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(UrlSigner.IsSigned(Request) ? AuthenticateSigned() : AuthenticateResult.NoResult());
        }

        var record = keys.Verify(values[0]!);
        if (record is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        return Task.FromResult(Success(record));
    }

    /// <summary>A signed link stands for the key that made it while that key exists; a refusal is kept for the challenge (403, not 401).</summary>
    private AuthenticateResult AuthenticateSigned()
    {
        var check = signer.Check(Request);
        var record = check.KeyId is { } id ? keys.Find(id) : null;
        if (record is null)
        {
            Context.Items[typeof(SignedLinkCheck)] = check.KeyId is null ? check : check with { Field = "key", Problem = "the key that made the link no longer exists." };
            return AuthenticateResult.Fail("refused signed link");
        }

        return Success(record);
    }

    private AuthenticateResult Success(ApiKeyRecord record)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, record.Role), new Claim(Roles.ScopeClaim, record.Scope), new Claim(Roles.KeyIdClaim, record.Id), new Claim(ClaimTypes.Name, record.Id)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[typeof(SignedLinkCheck)] is SignedLinkCheck refused)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = Problems.ApiProblems.Field(refused.Field, refused.Problem, StatusCodes.Status403Forbidden).ProblemDetails;
            problem.Title = "The download link is refused.";
            return problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }).AsTask();
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Write("Authentication required.", Request.Headers.ContainsKey(Header)
            ? $"{Header}: the key is not known."
            : $"{Header}: send an API key in the {Header} header.");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Write("Forbidden.", $"{Header}: the key's role may not do this.");
    }

    private Task Write(string title, string detail) => problems.WriteAsync(new ProblemDetailsContext
    {
        HttpContext = Context,
        ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
    }).AsTask();
}
