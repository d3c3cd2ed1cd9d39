using CsCheck;
using Planner.Core.Import;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class CensusSpreaderTests
{
    private static string[] GuixiRow() =>
        File.ReadAllLines(ImportFixtures.Path("county_2020_sample.csv")).Single(l => l.StartsWith("360681,", StringComparison.Ordinal)).Split(',');

    [Fact]
    public void Read_CountyTable_PicksTheRowByCodeColumnOnly()
    {
        // Row 340181 has 360681 in its female column; only the code column may match.
        var row = GuixiRow();

        var census = CountyCensus.Read(ImportFixtures.Path("county_2020_sample.csv"), "360681");

        Assert.Equal("贵溪市", census.Name);
        Assert.Equal(long.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), census.Population);
        Assert.Equal(long.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), census.Urban);
        Assert.Equal(294_025, census.Urban);
        Assert.Equal(12.46, census.Share65PlusPct);
    }

    [Fact]
    public void Read_UnknownCode_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<ImportException>(() => CountyCensus.Read(ImportFixtures.Path("county_2020_sample.csv"), "999999"));

        Assert.Contains("no row for county 999999", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpreadWeight.Roads)]
    [InlineData(SpreadWeight.Area)]
    [InlineData(SpreadWeight.Equal)]
    public void Spread_UrbanOverGuixiVillages_EveryGroupSumsToItsDeclaredTotal(SpreadWeight weight)
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));
        var region = OsmRegionImporter.Build(extract, "贵溪市", "360681", "guixi_small.osm");
        region = region with { Units = [.. UnitModeller.FromPlaces(region, extract.Places, extract.Boundaries).Units] };
        var census = CountyCensus.Read(ImportFixtures.Path("county_2020_sample.csv"), "360681");

        var spread = CensusSpreader.Spread(region, census, "urban", AdminLevel.Village, weight, [("disabled", 6.34)]);

        Assert.Equal(["total", "elderly", "children", "disabled"], spread.Groups.Names.ToArray());
        var sums = spread.PopulationByGroup();
        Assert.Equal(294_025, sums[0]);
        Assert.Equal(Math.Round(294_025 * 0.1246, MidpointRounding.AwayFromZero), sums[1]);
        Assert.Equal(Math.Round(294_025 * 0.2222, MidpointRounding.AwayFromZero), sums[2]);
        Assert.Equal(Math.Round(294_025 * 0.0634, MidpointRounding.AwayFromZero), sums[3]);
        Assert.All(spread.Demand, d => Assert.All(d.Counts.Skip(1), c => Assert.InRange(c, 0, d.Counts[0])));
        Assert.All(spread.Demand, d => Assert.Equal(d.Id, d.UnitCode));
    }

    [Fact]
    public void Spread_RoadWeight_FollowsRoadLengthInsideUnits()
    {
        // Two equal halves; roads only in the west half: everybody lives there.
        var region = ImportFixtures.BoxRegion(new Planner.Core.Geo.GeoBounds(117.20, 28.28, 117.22, 28.30));
        region = region with
        {
            Units = [region.Units[0], .. UnitModeller.FromHexagons(region, 100_000).Skip(1)],
        };
        var county = region.Units[0];
        var west = county with { Code = "360681001", Level = AdminLevel.Township, ParentCode = county.Code, Boundary = ImportFixtures.Wgs84.ToGeometry(new NetTopologySuite.Geometries.Envelope(117.20, 117.21, 28.28, 28.30)) };
        var east = county with { Code = "360681002", Level = AdminLevel.Township, ParentCode = county.Code, Boundary = ImportFixtures.Wgs84.ToGeometry(new NetTopologySuite.Geometries.Envelope(117.21, 117.22, 28.28, 28.30)) };
        region = region with { Units = [county, west, east], Roads = [ImportFixtures.Road("1", "residential", (117.201, 28.29), (117.209, 28.29)), ImportFixtures.Road("2", "motorway", (117.211, 28.29), (117.219, 28.29))] };
        var census = new CountyCensus("360681", "贵溪市", 1000, 600, 400, 20, 10);

        var spread = CensusSpreader.Spread(region, census, "total", AdminLevel.Township, SpreadWeight.Roads, []);

        var point = Assert.Single(spread.Demand);
        Assert.Equal("360681001", point.UnitCode);
        Assert.Equal([1000.0, 100.0, 200.0], point.Counts.ToArray());
    }

    [Fact]
    public void LargestRemainder_RandomWeights_PartsSumToTotalAndStayWithinOneOfExact()
    {
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Double[0, 1000].Array[1, 50])
            .Where(t => t.Item2.Sum() > 0)
            .Sample((total, weights) =>
            {
                var parts = LargestRemainder.Split(total, weights);
                double sum = weights.Sum();
                return parts.Sum() == total && parts.Select((p, i) => Math.Abs(p - (total * weights[i] / sum))).All(d => d < 1 + 1e-6);
            }, seed: "0N0XIzNsQ0O2");
    }
}
