namespace Planner.Api.Tests;

/// <summary>Assertions on RFC 9457 problem details.</summary>
internal static class Problems
{
    /// <summary>Checks the status, the media type and that the body names <paramref name="field"/> with a reason; returns the body.</summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.Equal(field, body.GetProperty("field").GetString());
            var reasons = body.GetProperty("errors").GetProperty(field);
            Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
            Assert.StartsWith(field + ":", body.GetProperty("detail").GetString());
        }

        return body;
    }
}
