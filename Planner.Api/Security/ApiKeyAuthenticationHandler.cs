using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Planner.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against <see cref="ApiKeyStore"/>; the principal carries the
/// key's role, scope and id. Missing or unknown keys get 401, too weak a role 403, both as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, IProblemDetailsService problems)
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
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var record = keys.Verify(values[0]!);
        if (record is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, record.Role), new Claim(Roles.ScopeClaim, record.Scope), new Claim(Roles.KeyIdClaim, record.Id), new Claim(ClaimTypes.Name, record.Id)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
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
