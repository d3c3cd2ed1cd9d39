using Planner.Core.Circles;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Circles;

public class LifeCircleCatalogTests
{
    [Fact]
    public void Builtin_ShipsTheGb50180TiersAndALabelledRuralDefault()
    {
        var catalog = LifeCircleCatalog.Builtin();
        // GB 50180-2018 table 4.0.1: 5 min 300 m, 10 min 500 m, 15 min 800-1,000 m (upper bound).
        Assert.Equal((5.0, "walk", (double?)300), Tier(catalog, "gb50180-5min"));
        Assert.Equal((10.0, "walk", (double?)500), Tier(catalog, "gb50180-10min"));
        Assert.Equal((15.0, "walk", (double?)1000), Tier(catalog, "gb50180-15min"));
        Assert.Equal("gb50180-15min", catalog.Default.Id);
        Assert.DoesNotContain(StationLevel.VillagePoint, catalog.Default.StationLevels);
        Assert.Contains(StationLevel.VillagePoint, catalog.Find("gb50180-5min")!.StationLevels);

        var rural = catalog.Find("county-rural-ebike-15min")!;
        Assert.Equal(("ebike", 15.0, (double?)null, false), (rural.Mode, rural.Minutes, rural.CapMeters, rural.National));
        Assert.Contains("not a national figure", rural.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"minutes\": 0", "circle c1 field 'minutes'")]
    [InlineData("\"minutes\": 15, \"capMeters\": -5", "circle c1 field 'capMeters'")]
    [InlineData("\"minutes\": 15, \"stationLevels\": [\"palace\"]", "circle c1 field 'stationLevels': unknown station level 'palace'")]
    [InlineData("\"minutes\": 15, \"statuses\": [\"dreamt\"]", "circle c1 field 'statuses'")]
    public void Parse_BadCircle_NamesFileCircleAndField(string fields, string expected)
    {
        var json = $$"""{ "circles": [ { "id": "c1", "mode": "walk", {{fields}} } ] }""";
        var ex = Assert.Throws<InvalidDataException>(() => LifeCircleCatalog.Parse(json, "mine.json"));
        Assert.Contains("mine.json " + expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdProblem_UnknownId_ListsTheKnownOnes()
    {
        var problem = LifeCircleCatalog.Builtin().IdProblem("gb50180-20min");
        Assert.NotNull(problem);
        Assert.Contains("gb50180-15min", problem, StringComparison.Ordinal);
        Assert.Null(LifeCircleCatalog.Builtin().IdProblem("gb50180-5min"));
    }

    private static (double, string, double?) Tier(LifeCircleCatalog catalog, string id)
    {
        var c = catalog.Find(id)!;
        return (c.Minutes, c.Mode, c.CapMeters);
    }
}
