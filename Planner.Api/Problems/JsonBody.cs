using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Planner.Api.Options;

namespace Planner.Api.Problems;

/// <summary>
/// Reads a JSON request body with the checks the API promises: media type (415), size (413, the configured
/// limit) and syntax (400 naming the JSON path), so that every refusal is a problem that names the field.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and deserialises the body, or returns the problem that refuses it.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadDocumentAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            try
            {
                var value = document.Deserialize<T>(Options);
                return value is null ? (null, ApiProblems.Field("body", "the body is empty; send a JSON object.")) : (value, null);
            }
            catch (JsonException ex)
            {
                var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
                return (null, ApiProblems.Field(path, Reason(ex)));
            }
        }
    }

    /// <summary>Reads the body as a JSON document, or returns the problem that refuses it.</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType ?? string.Empty;
        if (!IsJson(type))
        {
            return (null, ApiProblems.Field("Content-Type", $"'{type}' is not accepted; send application/json or application/geo+json.", StatusCodes.Status415UnsupportedMediaType));
        }

        long limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<PlannerOptions>>().Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (null, TooLarge(limit));
            }
        }

        if (buffer.Length == 0)
        {
            return (null, ApiProblems.Field("body", "the body is empty; send a JSON object."));
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray()), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Field("body", $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}."));
        }
    }

    /// <summary>
    /// The media type, parameters (charset) aside, is exactly one of the JSON types: matched by prefix,
    /// <c>application/jsonx</c> would pass.
    /// </summary>
    private static bool IsJson(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && AcceptedTypes.Contains(parsed.MediaType.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] AcceptedTypes = ["application/json", "application/geo+json", "application/merge-patch+json"];

    private static ProblemHttpResult TooLarge(long limit) =>
        ApiProblems.Field("body", $"the body is larger than the limit of {limit} bytes (Planner:MaxBodyBytes).", StatusCodes.Status413PayloadTooLarge);

    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
