using System.Text;

namespace Planner.Api.Tests;

/// <summary>Recommendation requests: GeoJSON candidates and parameters refused with named fields before any work starts.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecommendationsInputTests(ApiFixture api)
{
    private static string Point(string id, double lon, double lat) =>
        FormattableString.Invariant($"{{\"type\":\"Feature\",\"id\":\"{id}\",\"properties\":{{\"name\":\"{id}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}}}");

    private static string Collection(params string[] features) => $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(",", features)}]}}";

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"Feature\"}}", 400, "candidates.type" },
        { $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{{\"type\":\"FeatureCollection\",\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"EPSG:3857\"}}}},\"features\":[]}}}}", 422, "candidates.crs" },
        { $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{Collection(Point("c1", 28.29, 117.23))}}}", 422, "candidates.features[0].geometry.coordinates" },
        { $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{Collection(Point("c1", 117.23, 28.29), Point("c2", 121.5, 31.2))}}}", 422, "candidates.features[1].geometry.coordinates" },
        { $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{Collection(Point("c1", 117.23, 28.29), Point("c1", 117.24, 28.29))}}}", 422, "candidates.features[1].id" },
        { $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{Collection([.. Enumerable.Range(0, 51).Select(i => Point($"c{i}", 117.23, 28.29))])}}}", 413, "candidates.features" },
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[117.23,28.29],[117.24,28.29]]}}]}}", 422, "candidates.features[0].geometry" },
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.23,\"28.29\"]}}]}}", 400, "candidates.features[0].geometry.coordinates" },
        { "{\"model\":\"best\",\"p\":1}", 422, "model" },
        { "{\"model\":\"mclp\"}", 422, "p" },
        { "{\"model\":\"mclp\",\"p\":1,\"minutes\":0}", 422, "minutes" },
        { "{\"model\":\"mclp\",\"p\":1,\"mode\":\"boat\"}", 422, "mode" },
        { "{\"model\":\"lscp\",\"targetShare\":1.5}", 422, "targetShare" },
        { "{\"model\":\"mclp\",\"p\":\"two\"}", 400, "p" },
        { "{\"model\":\"mclp\",\"p\":1,\"speedKmh\":0}", 422, "speedKmh" },
        { "{\"model\":\"mclp\",\"p\":1,\"speedKmh\":131}", 422, "speedKmh" },
        { "{\"model\":\"mclp\",\"p\":1,\"includePlanned\":\"yes\"}", 400, "includePlanned" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Recommend_BadInput_NamesTheField(string json, int status, string field)
    {
        using var planner = api.Client("planner", "tiny");
        using var content = new StringContent(json, Encoding.UTF8, "application/geo+json");
        var body = await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/recommendations", content), (HttpStatusCode)status, field);
        if (json.Contains("[28.29,117.23]", StringComparison.Ordinal))
        {
            Assert.Contains("[lat, lon]", body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Recommend_RespectsRoleAndScope()
    {
        var json = $"{{\"model\":\"mclp\",\"p\":1,\"candidates\":{Collection(Point("c1", 117.23, 28.29))}}}";
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.PostAsync("/regions/tiny/recommendations", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.Forbidden);
        using var other = api.Client("planner", "synth");
        await Problems.AssertProblem(await other.PostAsync("/regions/tiny/recommendations", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recommend_RunsAsJob_AndPicksTheSiteThatCoversMostPeople()
    {
        // Along the roads at 80 m/min (hand-walked, see the CLI coverage test): s1 reaches d1 in 13.19 min and d2 in
        // 7.07 min, so 200 people are covered before. d3 lies 19.6 m off the footway, 1,212 m up it from where s1
        // joins it: 1,241.5 m = 15.5 min, outside. c1 stands on d3 (50 people), c2 on d1 (already covered): with
        // p = 1 the best choice is c1, gaining 50, 250 covered.
        using var planner = api.Client("planner", "tiny");
        var json = $"{{\"model\":\"mclp\",\"p\":1,\"minutes\":15,\"candidates\":{Collection(Point("c1", 117.2352, 28.296), Point("c2", 117.225, 28.2855))}}}";
        var response = await planner.PostAsync("/regions/tiny/recommendations", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobsTests.WaitFinished(planner, response.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        Assert.Equal("network", result.GetProperty("travelTimes").GetString());
        Assert.Equal(200, result.GetProperty("before").GetProperty("total").GetProperty("covered").GetDouble());
        Assert.Equal(250, result.GetProperty("after").GetProperty("total").GetProperty("covered").GetDouble());
        Assert.Equal(["c1"], result.GetProperty("sites").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(50, result.GetProperty("sites")[0].GetProperty("gain").GetProperty("total").GetDouble());
    }
}
