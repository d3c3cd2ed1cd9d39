using System.Reflection;

namespace Planner.Api.Hosting;

/// <summary>
/// A small offline page that renders <c>/openapi/v1.json</c> as a list of operations with their parameters
/// and responses (no CDN: everything is in the page).
/// </summary>
internal static class OpenApiPage
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Planner.Api.openapi.html")
            ?? throw new InvalidOperationException("the OpenAPI page is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The page.</summary>
    public static IResult Html() => TypedResults.Content(Page.Value, "text/html; charset=utf-8");
}
