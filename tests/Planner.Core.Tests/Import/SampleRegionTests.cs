using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Validation;
using Xunit;

namespace Planner.Core.Tests.Import;

/// <summary>The shipped samples (data/, rebuilt by scripts/build-samples.sh) load cleanly and hold the figures of their sources.</summary>
public sealed class SampleRegionTests
{
    private static Region Load(string name)
    {
        var result = RegionFolderReader.Read(Path.Combine(ImportFixtures.RepoRoot(), "data", name));
        Assert.True(result.Problems.IsEmpty, string.Join("\n", result.Problems));
        return Assert.IsType<Region>(result.Region);
    }

    [Fact]
    public void Guixi_Loads_WithoutProblems()
    {
        var region = Load("guixi");

        Assert.Equal("贵溪市", region.Info.Name);
        Assert.Equal("360681", region.Info.Code);
        Assert.Equal(["total", "elderly", "children", "disabled"], region.Groups.Names.ToArray());
    }

    [Fact]
    public void Guixi_PublicBuildings_AreTheSchoolsAndTownHallsOfTheOsmExtract()
    {
        // Counted by hand in guixi.osm: grep gives 4 amenity=school (nodes 3382563730, 3382563731, 3382563733 and the
        // closed way 1256740917) and 2 amenity=townhall (nodes 4459977799, 4459983898); the only other amenity is
        // parking, and no feature has office, social_facility or building=public/civic/government/school/hospital.
        var region = Load("guixi");

        Assert.Equal(6, region.PublicBuildings.Length);
        Assert.Equal(
            ["osm:node:3382563730", "osm:node:3382563731", "osm:node:3382563733", "osm:node:4459977799", "osm:node:4459983898", "osm:way:1256740917"],
            region.PublicBuildings.Select(b => b.Id));
        Assert.Equal(4, region.PublicBuildings.Count(b => b.Kind == "school"));
        Assert.Equal(2, region.PublicBuildings.Count(b => b.Kind == "townhall"));
        Assert.Contains(region.PublicBuildings, b => b.Name == "贵溪市人民政府" && b.Location == new GeoPoint(117.2400747, 28.2958127));
        Assert.DoesNotContain(RegionValidator.Validate(region), p => p.FileName() == RegionFiles.PublicBuildings);
    }

    [Fact]
    public void Guixi_Demand_SumsToCensusUrbanPopulationAndShares()
    {
        var row = File.ReadAllLines(ImportFixtures.Path("county_2020_sample.csv")).Single(l => l.StartsWith("360681,", StringComparison.Ordinal)).Split(',');
        double urban = double.Parse(row[7], CultureInfo.InvariantCulture);
        double children = double.Parse(row[10], CultureInfo.InvariantCulture), elderly = double.Parse(row[12], CultureInfo.InvariantCulture);

        var sums = Load("guixi").PopulationByGroup();

        Assert.Equal(294_025, urban);
        Assert.Equal(urban, sums[0]);
        Assert.Equal(Math.Round(urban * elderly / 100, MidpointRounding.AwayFromZero), sums[1]);
        Assert.Equal(Math.Round(urban * children / 100, MidpointRounding.AwayFromZero), sums[2]);
        Assert.Equal(Math.Round(urban * 6.34 / 100, MidpointRounding.AwayFromZero), sums[3]);
    }

    [Fact]
    public void Guixi_Units_NestCountyTownshipVillageGrid()
    {
        var region = Load("guixi");
        var byCode = region.Units.ToDictionary(u => u.Code);
        var places = File.ReadAllText(Path.Combine(ImportFixtures.RepoRoot(), "data", "guixi", "places.geojson"));

        Assert.Single(region.Units, u => u.Level == AdminLevel.County);
        Assert.Equal(3, region.Units.Count(u => u.Level == AdminLevel.Township));
        Assert.Equal(CountOccurrences(places, "\"place\":\"quarter\"") + CountOccurrences(places, "\"place\":\"village\""), region.Units.Count(u => u.Level == AdminLevel.Village));
        foreach (var unit in region.Units.Where(u => u.ParentCode is not null))
        {
            var parent = byCode[unit.ParentCode!];
            Assert.Equal(unit.Level - 1, parent.Level);
            Assert.StartsWith(parent.Code, unit.Code, StringComparison.Ordinal);
            Assert.True(unit.Modelled);
        }

        Assert.All(region.Units.Where(u => u.Level == AdminLevel.Village), v => Assert.Contains(region.Units, g => g.ParentCode == v.Code));
        Assert.All(region.Demand, d => Assert.Equal(AdminLevel.Grid, byCode[d.UnitCode!].Level));
    }

    [Fact]
    public void Guixi_StationsTeamsNeeds_AreLabelledIllustrative()
    {
        var region = Load("guixi");

        Assert.Equal(region.Units.Count(u => u.Level == AdminLevel.Township), region.Stations.Count(s => s.Level == StationLevel.TownshipStation));
        Assert.Contains(region.Stations, s => s.Status == StationStatus.Operating);
        Assert.Contains(region.Stations, s => s.Status != StationStatus.Operating);
        Assert.All(region.Stations, s => Assert.EndsWith("(示例)", s.Name, StringComparison.Ordinal));
        Assert.All(region.Teams, t => Assert.EndsWith("(示例)", t.Name, StringComparison.Ordinal));
        Assert.NotEmpty(region.Needs);
        foreach (var layer in new[] { "stations", "teams", "needs", "units", "grids", "demand" })
        {
            Assert.True(region.Info.Sources.Single(s => s.Layer == layer).Modelled, layer);
        }

        Assert.False(region.Info.Sources.Single(s => s.Layer == "roads").Modelled);
    }

    [Fact]
    public void PortoAlegre_Loads_WithHexgridPopulationAndHealthcareStandIns()
    {
        var lines = File.ReadAllLines(ImportFixtures.Path("poa_hexgrid.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var population = lines.Sum(c => double.Parse(c[3], CultureInfo.InvariantCulture));
        var healthcare = lines.Count(c => double.TryParse(c[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0);

        var region = Load("porto-alegre");

        Assert.Equal(812_935, population);
        Assert.Equal(population, region.PopulationByGroup()[0]);
        Assert.Equal(lines.Count, region.Demand.Length);
        Assert.Equal(healthcare, region.Stations.Length);
        Assert.All(region.Stations, s => Assert.StartsWith("Stand-in (healthcare hexagon)", s.Name, StringComparison.Ordinal));
        Assert.True(region.Roads.Length > 15_000);
        Assert.Single(region.Units, u => u.Level == AdminLevel.County);
        Assert.All(region.Units.Where(u => u.Level == AdminLevel.Township), u => Assert.Equal("4314902", u.ParentCode));
        Assert.False(region.Info.Sources.Single(s => s.Layer == "demand").Modelled);
        Assert.True(region.Info.Sources.Single(s => s.Layer == "stations").Modelled);
    }

    private static int CountOccurrences(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
