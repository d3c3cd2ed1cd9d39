using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>POST /regions/{region}/whatif through the real Kestrel server of the desktop host.</summary>
[Collection(DesktopCollection.Name)]
public sealed class WhatIfEndpointTests(DesktopApp app)
{
    private static JsonObject ToJson(Station s) => new()
    {
        ["id"] = s.Id, ["name"] = s.Name, ["lon"] = s.Location.Lon, ["lat"] = s.Location.Lat,
        ["level"] = DomainNames.Of(s.Level), ["status"] = DomainNames.Of(s.Status), ["socialWorkers"] = s.SocialWorkers,
        ["supervisors"] = s.Supervisors,
    };

    private JsonArray Stored() => [.. app.Region.Stations.Select(s => (JsonNode)ToJson(s))];

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(JsonObject body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"regions/{app.RegionName}/whatif") { Content = JsonContent.Create(body) };
        using var client = new HttpClient { BaseAddress = app.Host.BaseAddress };
        request.Headers.TryAddWithoutValidation("X-Api-Key", key ?? app.Host.ApiKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    [Fact]
    public async Task WhatIf_StoredStations_EqualsTheCoverageReport()
    {
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var circles = await app.GetJsonAsync($"regions/{app.RegionName}/collections/circles/items?limit=10000");

        var answer = await app.WhatIfAsync(Stored());

        Assert.Equal(report["groups"]!.ToJsonString(), answer["report"]!["groups"]!.ToJsonString());
        Assert.Equal(report["stations"]!.ToJsonString(), answer["report"]!["stations"]!.ToJsonString());
        Assert.Equal(circles["features"]!.AsArray().Count, answer["circles"]!["features"]!.AsArray().Count);
    }

    [Fact]
    public async Task WhatIf_MovedAndRemovedStations_MatchTheCoreCalculator()
    {
        var stations = app.Region.Stations;
        var edited = stations.RemoveAt(stations.Length - 1).SetItem(0, stations[0] with { Location = new GeoPoint(stations[0].Location.Lon + 0.004, stations[0].Location.Lat - 0.003) });
        var expected = CoverageCalculator.Compute(app.Region with { Stations = edited }, new CoverageOptions { Minutes = 12, Mode = "walk" });

        var answer = await app.WhatIfAsync([.. edited.Select(s => (JsonNode)ToJson(s))], 12, "walk");

        foreach (var (group, g) in expected.Groups)
        {
            Assert.Equal(g.Covered, answer["report"]!["groups"]![group]!["covered"]!.GetValue<double>(), 6);
        }

        var areas = answer["report"]!["stations"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["areaKm2"]!.GetValue<double>());
        foreach (var s in expected.Stations)
        {
            Assert.Equal(s.AreaKm2, areas[s.Id], 6);
        }

        Assert.Equal(expected.Stations.Count(s => s.Circle is { IsEmpty: false }), answer["circles"]!["features"]!.AsArray().Count);
    }

    [Fact]
    public async Task WhatIf_WithoutCircles_GivesTheSameFigures()
    {
        var withCircles = await app.WhatIfAsync(Stored(), 10, "walk");
        var (status, without) = await PostAsync(new JsonObject { ["minutes"] = 10, ["mode"] = "walk", ["stations"] = Stored(), ["circles"] = false });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(withCircles["report"]!["groups"]!.ToJsonString(), without["report"]!["groups"]!.ToJsonString());
        Assert.Empty(without["circles"]!["features"]!.AsArray());
    }

    [Fact]
    public async Task WhatIf_StationsWithSupervisors_SupervisionChecksEqualTheCore_AndWithoutThemNothingIsMeasured()
    {
        var rules = Planner.Core.Standards.RuleSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));
        static string Checks(IEnumerable<(string Unit, double? Measured, double Required, bool Passed)> checks) => string.Join("; ", checks.Select(c => $"{c.Unit} {c.Measured} {c.Required} {c.Passed}"));
        static IEnumerable<(string, double?, double, bool)> Supervision(JsonNode answer) => answer["checks"]!.AsArray()
            .Where(c => c!["ruleId"]!.GetValue<string>() == "staffing.supervision")
            .Select(c => (c!["subjectId"]!.GetValue<string>(), c["measured"]?.GetValue<double>(), c["required"]!.GetValue<double>(), c["passed"]!.GetValue<bool>()));
        var expected = Planner.Core.Standards.StandardsChecker.Check(app.Region, rules).Where(c => c.RuleId == "staffing.supervision")
            .Select(c => (c.SubjectId, c.Measured, c.Required, c.Passed)).ToList();

        var answer = await app.WhatIfAsync(Stored(), 15, "walk");
        var unrecorded = Stored();
        foreach (var s in unrecorded)
        {
            s!.AsObject().Remove("supervisors");
        }

        var without = await app.WhatIfAsync(unrecorded, 15, "walk");

        Assert.NotEmpty(expected);
        Assert.Equal(Checks(expected), Checks(Supervision(answer)));
        Assert.All(Supervision(without), c => Assert.True(c.Item2 is null && !c.Item4, "a county is measured without any supervisors recorded"));
    }

    [Theory]
    [InlineData("duplicate", HttpStatusCode.UnprocessableEntity, "stations[1].id")]
    [InlineData("swapped", HttpStatusCode.UnprocessableEntity, "swapped")]
    [InlineData("far", HttpStatusCode.UnprocessableEntity, "outside the region")]
    [InlineData("level", HttpStatusCode.UnprocessableEntity, "stations[0].level")]
    [InlineData("status", HttpStatusCode.UnprocessableEntity, "stations[0].status")]
    [InlineData("workers", HttpStatusCode.UnprocessableEntity, "stations[0].socialWorkers")]
    [InlineData("supervisors", HttpStatusCode.UnprocessableEntity, "stations[0].supervisors")]
    [InlineData("minutes", HttpStatusCode.UnprocessableEntity, "minutes")]
    [InlineData("missing", HttpStatusCode.BadRequest, "stations")]
    public async Task WhatIf_BadInput_ProblemNamesTheField(string fault, HttpStatusCode expected, string named)
    {
        var stations = Stored();
        var first = stations[0]!.AsObject();
        var body = new JsonObject { ["minutes"] = 15, ["mode"] = "walk", ["stations"] = stations };
        double lon = first["lon"]!.GetValue<double>(), lat = first["lat"]!.GetValue<double>();
        switch (fault)
        {
            case "duplicate": stations[1]!["id"] = first["id"]!.GetValue<string>(); break;
            case "swapped": first["lon"] = lat; first["lat"] = lon; break;
            case "far": first["lon"] = lon + 3; break;
            case "level": first["level"] = "palace"; break;
            case "status": first["status"] = "dreaming"; break;
            case "workers": first["socialWorkers"] = -1; break;
            case "supervisors": first["supervisors"] = -2; break;
            case "minutes": body["minutes"] = 500; break;
            case "missing": body.Remove("stations"); break;
        }

        var (status, problem) = await PostAsync(body);

        Assert.Equal(expected, status);
        Assert.Contains(named, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_WithoutAValidKey_IsRefused()
    {
        var (status, _) = await PostAsync(new JsonObject { ["stations"] = Stored() }, key: "cmk_nobody.secret");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
