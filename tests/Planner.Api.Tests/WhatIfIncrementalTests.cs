using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Api.Tests;

/// <summary>
/// POST /regions/{region}/whatif computed incrementally (one engine kept per region version and query): every
/// answer of a sequence of edits equals a full <see cref="CoverageCalculator"/> run on the edited region.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WhatIfIncrementalTests(ApiFixture api)
{
    private const string County = "synth";

    [Theory]
    [InlineData(21, false)]
    [InlineData(22, true)]
    public async Task WhatIf_RandomMovesAddsAndRemoves_EachReportEqualsAFullRun(int seed, bool includePlanned)
    {
        var region = await StoredRegionAsync();
        var random = new Random(seed);
        var stations = region.Stations.ToList();
        double minutes = 15;
        int added = 0;
        using var client = api.Client("planner", County);
        for (int i = 0; i < 24; i++)
        {
            // A drag is one move; now and then a station is added or removed, the list edited in several
            // places at once, or the limit changed (a new engine: the full recompute).
            int edits = i % 8 == 7 ? 3 : 1;
            for (int e = 0; e < edits; e++)
            {
                Edit(region, stations, random, ref added);
            }

            if (i == 12)
            {
                minutes = 10;
            }

            var answer = await WhatIfAsync(client, stations, minutes, includePlanned, circles: i % 6 == 0);
            var expected = CoverageCalculator.Compute(region with { Stations = [.. stations] },
                new CoverageOptions { Minutes = minutes, Mode = "walk", IncludePlanned = includePlanned, BuildCircles = false });

            AssertSameFigures(expected, answer, $"edit {i + 1}");
        }
    }

    [Fact]
    public async Task WhatIf_ConcurrentRequestsOnOneRegion_EachGetsItsOwnStationsFigures()
    {
        var region = await StoredRegionAsync();
        var random = new Random(31);
        var lists = Enumerable.Range(0, 12).Select(_ =>
        {
            var list = region.Stations.ToList();
            int added = 0;
            Edit(region, list, random, ref added);
            Edit(region, list, random, ref added);
            return list;
        }).ToList();

        using var client = api.Client("planner", County);
        var answers = await Task.WhenAll(lists.Select(list => WhatIfAsync(client, list, 12, includePlanned: false, circles: false)));

        for (int k = 0; k < lists.Count; k++)
        {
            var expected = CoverageCalculator.Compute(region with { Stations = [.. lists[k]] }, new CoverageOptions { Minutes = 12, Mode = "walk", BuildCircles = false });
            AssertSameFigures(expected, answers[k], $"request {k + 1}");
        }
    }

    [Fact]
    public async Task WhatIf_MoreStationsThanMaxFeatures_Is413NamingStations()
    {
        // The fixture sets Planner:MaxFeatures to 50.
        var region = await StoredRegionAsync();
        var one = region.Stations[0];
        var many = Enumerable.Range(0, 51).Select(i => one with { Id = $"s{i}" }).ToList();
        using var client = api.Client("planner", County);

        using var refused = await client.PostAsJsonAsync($"/regions/{County}/whatif", Body(many, 15, false, false));
        using var accepted = await client.PostAsJsonAsync($"/regions/{County}/whatif", Body(many[..50], 15, false, false));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Contains("stations", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("50", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    /// <summary>The region as stored, read independently of the API (after a request, since the API seeds its store on first use).</summary>
    private async Task<Region> StoredRegionAsync()
    {
        using var client = api.Client("viewer", County);
        using var response = await client.GetAsync($"/regions/{County}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await api.StoredRegionAsync(County);
    }

    /// <summary>Moves, adds (operating or planned), restaffs or removes one station; positions on demand points or anywhere in the bounds.</summary>
    private static void Edit(Region region, List<Station> stations, Random random, ref int added)
    {
        var b = region.Bounds;
        var to = random.Next(2) == 0
            ? region.Demand[random.Next(region.Demand.Length)].Location
            : new GeoPoint(b.MinLon + (random.NextDouble() * (b.MaxLon - b.MinLon)), b.MinLat + (random.NextDouble() * (b.MaxLat - b.MinLat)));
        int kind = stations.Count == 0 ? 1 : random.Next(5);
        if (kind == 1)
        {
            var status = random.Next(3) == 0 ? StationStatus.Planned : StationStatus.Operating;
            stations.Insert(random.Next(stations.Count + 1), new Station($"added-{++added}", $"Added {added}", to, StationLevel.VillagePoint, status, random.Next(0, 4), null));
        }
        else if (kind == 2)
        {
            stations.RemoveAt(random.Next(stations.Count));
        }
        else if (kind == 3)
        {
            // Restaffed in place: the 2SFCA ratios change, no search is needed.
            int k = random.Next(stations.Count);
            stations[k] = stations[k] with { SocialWorkers = random.Next(0, 6) };
        }
        else
        {
            int k = random.Next(stations.Count);
            stations[k] = stations[k] with { Location = to };
        }
    }

    private static JsonObject Body(IEnumerable<Station> stations, double minutes, bool includePlanned, bool circles) => new()
    {
        ["minutes"] = minutes,
        ["mode"] = "walk",
        ["includePlanned"] = includePlanned,
        ["circles"] = circles,
        ["stations"] = new JsonArray([.. stations.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id, ["name"] = s.Name, ["lon"] = s.Location.Lon, ["lat"] = s.Location.Lat,
            ["level"] = DomainNames.Of(s.Level), ["status"] = DomainNames.Of(s.Status), ["socialWorkers"] = s.SocialWorkers,
            ["unitCode"] = s.UnitCode, ["supervisors"] = s.Supervisors,
        })]),
    };

    private static async Task<JsonNode> WhatIfAsync(HttpClient client, IEnumerable<Station> stations, double minutes, bool includePlanned, bool circles)
    {
        using var response = await client.PostAsJsonAsync($"/regions/{County}/whatif", Body(stations, minutes, includePlanned, circles));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static JsonNode WithoutNulls(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var name in o.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
            {
                o.Remove(name);
            }

            foreach (var (_, value) in o)
            {
                WithoutNulls(value!);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                WithoutNulls(item!);
            }
        }

        return node;
    }

    /// <summary>The first element of two arrays (or the two values) that differ, as "full ... what-if ...".</summary>
    private static string FirstDifference(JsonNode? full, JsonNode? whatIf)
    {
        if (full is JsonArray a && whatIf is JsonArray b)
        {
            for (int i = 0; i < Math.Max(a.Count, b.Count); i++)
            {
                var (x, y) = (i < a.Count ? a[i] : null, i < b.Count ? b[i] : null);
                if (!JsonNode.DeepEquals(x, y))
                {
                    return $"[{i}] of {a.Count}/{b.Count}: full {x?.ToJsonString()}, what-if {y?.ToJsonString()}";
                }
            }
        }

        return $"full {full?.ToJsonString()}, what-if {whatIf?.ToJsonString()}";
    }

    /// <summary>Every figure of the report (circle areas aside, which only a circles request carries) and the gaps layer.</summary>
    private static void AssertSameFigures(CoverageReport expected, JsonNode answer, string where)
    {
        var report = answer["report"]!.DeepClone().AsObject();
        foreach (var s in report["stations"]!.AsArray())
        {
            s!["areaKm2"] = 0.0;
        }

        // The API leaves null properties out (the CLI's JSON writes them).
        var full = WithoutNulls(JsonNode.Parse(CoverageWriters.ToJson(expected))!);
        foreach (var section in new[] { "region", "minutes", "mode", "speedKmh", "method", "groupSpeedsKmh", "groups", "unreachable", "units", "stations", "gaps", "network" })
        {
            Assert.True(JsonNode.DeepEquals(full[section], report[section]), $"{where} {section}: {FirstDifference(full[section], report[section])}");
        }

        var gaps = answer["gaps"]!["features"]!.AsArray();
        Assert.Equal(expected.Gaps.Select(g => g.Id), gaps.Select(f => f!["id"]!.GetValue<string>()));
        Assert.Equal(expected.Gaps.Select(g => g.Points), gaps.Select(f => f!["properties"]!["points"]!.GetValue<int>()));
    }
}
