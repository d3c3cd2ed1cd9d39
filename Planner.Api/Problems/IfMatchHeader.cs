using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Planner.Api.Problems;

/// <summary>
/// <c>If-Match</c> on a write to a versioned resource, evaluated as RFC 9110 §13.1.1 says: <c>*</c> matches any
/// current version; a list matches when any of its entity tags matches; the comparison is strong, so a weak tag
/// (<c>W/"1"</c>) never matches and the write is refused with 412. Missing: 428 (RFC 6585); not an entity-tag
/// list at all: 400.
/// </summary>
internal static class IfMatchHeader
{
    /// <summary>The current version when the header matches it, else the problem that refuses the write.</summary>
    public static (long? Version, ProblemHttpResult? Problem) Evaluate(HttpRequest request, string kind, string name, long current)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, ApiProblems.PreconditionRequired(kind, name));
        }

        if (!EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch, out var tags) || tags.Count == 0)
        {
            return (null, ApiProblems.Field("If-Match", $"'{header}' is not an entity tag or a list of them (such as \"3\", or *)."));
        }

        string currentTag = $"\"{current.ToString(CultureInfo.InvariantCulture)}\"";
        bool matches = tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(currentTag, StringComparison.Ordinal)));
        if (matches)
        {
            return (current, null);
        }

        if (tags.All(t => t.IsWeak))
        {
            var weak = ApiProblems.Stale(kind, name, header, current);
            weak.ProblemDetails.Detail += " A weak entity tag (W/) never matches for a write (RFC 9110 strong comparison): send the ETag as given.";
            return (null, weak);
        }

        return (null, ApiProblems.Stale(kind, name, header, current));
    }
}
