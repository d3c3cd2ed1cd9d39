using System.Globalization;
using System.Text;
using Planner.Core.Network;

namespace Planner.Api.Tests;

/// <summary>
/// Every host's travel limits are <see cref="TravelLimits"/>: each request that takes minutes, a speed or a mode
/// accepts the maxima and refuses just above them, naming the field as the client sent it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TravelLimitsTests(ApiFixture api)
{
    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task GetTravelLimits_IsTravelLimitsAsData()
    {
        using var viewer = api.Client("viewer", "tiny");
        var text = await viewer.GetStringAsync("/travel-limits");
        Assert.Equal("""{"minutes":{"min":0,"max":240,"minExclusive":true},"speedKmh":{"min":0,"max":120,"minExclusive":true},"modes":["walk","ebike","drive"]}""", text);

        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(TravelLimits.Minutes.Max, body.GetProperty("minutes").GetProperty("max").GetDouble());
        Assert.Equal(TravelLimits.Minutes.Min, body.GetProperty("minutes").GetProperty("min").GetDouble());
        Assert.Equal(TravelLimits.SpeedKmh.Max, body.GetProperty("speedKmh").GetProperty("max").GetDouble());
        Assert.Equal(TravelLimits.Modes, body.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task GetTravelLimits_NeedsAKey_AndIsInOpenApi()
    {
        using var anonymous = api.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/travel-limits")).StatusCode);
        var doc = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/travel-limits", out var path), "GET /travel-limits is not in the OpenAPI document");
        Assert.True(path.TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Coverage_AcceptsTheMaxima_RefusesAbove()
    {
        using var viewer = api.Client("viewer", "tiny");
        var ok = await viewer.GetAsync($"/regions/tiny/coverage?minutes={N(TravelLimits.MaxMinutes)}&speed={N(TravelLimits.MaxSpeedKmh)}");
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        await Problems.AssertProblem(await viewer.GetAsync($"/regions/tiny/coverage?minutes={N(TravelLimits.MaxMinutes + 1)}"), HttpStatusCode.UnprocessableEntity, "minutes");
        await Problems.AssertProblem(await viewer.GetAsync($"/regions/tiny/coverage?speed={N(TravelLimits.MaxSpeedKmh + 1)}"), HttpStatusCode.UnprocessableEntity, "speed");
    }

    [Fact]
    public async Task WhatIf_TooFast_NamesTheBodyField()
    {
        using var planner = api.Client("planner", "tiny");
        var response = await planner.PostAsJsonAsync("/regions/tiny/whatif", new { speedKmh = TravelLimits.MaxSpeedKmh + 1, stations = Array.Empty<object>() });
        await Problems.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "speedKmh");
    }

    [Fact]
    public async Task MatchingAndRecommendations_RefuseMinutesAboveTheMax()
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await Post(planner, "/regions/tiny/matching", $$"""{"limitMinutes":{{N(TravelLimits.MaxMinutes + 1)}}}"""), HttpStatusCode.UnprocessableEntity, "limitMinutes");
        await Problems.AssertProblem(await Post(planner, "/regions/tiny/recommendations", $$"""{"model":"mclp","p":1,"minutes":{{N(TravelLimits.MaxMinutes + 1)}}}"""), HttpStatusCode.UnprocessableEntity, "minutes");
        await Problems.AssertProblem(await Post(planner, "/regions/tiny/matching", """{"mode":"boat"}"""), HttpStatusCode.UnprocessableEntity, "mode");
    }

    [Fact]
    public async Task ScenarioEdits_AcceptTheMaxima_RefuseAbove()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "limits-" + Guid.NewGuid().ToString("N")[..8];
        var atMax = new object[] { new { kind = "set_minutes", minutes = TravelLimits.MaxMinutes }, new { kind = "set_speed", speed_kmh = TravelLimits.MaxSpeedKmh } };
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = atMax })).StatusCode);
        var above = await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name = name + "x", edits = new[] { new { kind = "set_minutes", minutes = TravelLimits.MaxMinutes + 1 } } });
        await Problems.AssertProblem(above, HttpStatusCode.UnprocessableEntity, "edits[0].minutes");
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(path, content);
    }
}
