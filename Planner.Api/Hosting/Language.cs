using Microsoft.Net.Http.Headers;

namespace Planner.Api.Hosting;

/// <summary>The report language from <c>Accept-Language</c>: Chinese when the most preferred of zh/en is zh.</summary>
internal static class Language
{
    /// <summary>True when the caller prefers Chinese.</summary>
    public static bool PrefersChinese(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list))
        {
            return false;
        }

        foreach (var v in list.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = v.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return false;
    }
}
