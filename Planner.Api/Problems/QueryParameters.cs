namespace Planner.Api.Problems;

/// <summary>
/// Refuses query parameters an endpoint does not know, with a 400 naming the parameter (docs/api.md promises
/// it), as the items endpoint does: <c>?foo=1</c> or a misspelt <c>?minute=20</c> is a mistake to report, not
/// to ignore.
/// </summary>
internal static class QueryParameters
{
    /// <summary>Accepts only the query parameters <paramref name="names"/> (compared case-insensitively).</summary>
    public static TBuilder AcceptsOnlyQuery<TBuilder>(this TBuilder builder, params string[] names)
        where TBuilder : IEndpointConventionBuilder
    {
        var known = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        builder.AddEndpointFilter(async (context, next) =>
            Unknown(context.HttpContext.Request, known) is { } problem ? problem : await next(context).ConfigureAwait(false));
        return builder;
    }

    /// <summary>A true/false query parameter (absent: false), or the problem naming <paramref name="field"/>.</summary>
    public static (bool Value, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem) Flag(string? text, string field)
    {
        if (text is null)
        {
            return (false, null);
        }

        return bool.TryParse(text, out bool value) ? (value, null) : (false, ApiProblems.Field(field, $"'{text}' is not true or false."));
    }

    /// <summary>The problem for the first parameter of <paramref name="request"/> not in <paramref name="known"/>, or null.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Unknown(HttpRequest request, IReadOnlySet<string> known)
    {
        foreach (var key in request.Query.Keys)
        {
            // A signed link's key, exp and sig are checked by authentication before any endpoint runs.
            if (!known.Contains(key) && !Security.UrlSigner.Parameters.Contains(key))
            {
                var accepted = known.Count == 0 ? "this endpoint takes no query parameters" : $"use {string.Join(", ", known.Order(StringComparer.Ordinal))}";
                return ApiProblems.Field(key, $"is not a parameter of this endpoint; {accepted}.");
            }
        }

        return null;
    }
}
