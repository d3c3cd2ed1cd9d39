using Planner.Core.IO;
using Planner.Core.Validation;

namespace Planner.Core.Tests.Validation;

/// <summary>
/// Every validation message, produced from a real region folder with one thing broken. Each test checks that
/// the message names the file, the feature and the field, and that the rest of the region still loads.
/// </summary>
public class ValidationMessagesTests
{
    [Fact]
    public void Validate_TinyFixture_NoProblems()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        Assert.Empty(RegionValidator.Validate(region));
    }

    [Fact]
    public void Read_SelfIntersectingPolygon_ReportsInvalidGeometry()
    {
        using var f = FixtureRegion.Copy().Replace("units.geojson",
            "[[[117.22,28.28],[117.235,28.28],[117.235,28.29],[117.22,28.29],[117.22,28.28]]]",
            "[[[117.22,28.28],[117.235,28.29],[117.235,28.28],[117.22,28.29],[117.22,28.28]]]");
        var p = Single(f, "units.geojson", "360681001001");
        Assert.Equal("geometry", p.Field);
        Assert.StartsWith("geometry is invalid: Self-intersection", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyGeometry_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "{\"type\":\"Point\",\"coordinates\":[117.245,28.2851]}", "{\"type\":\"Point\",\"coordinates\":[]}");
        var p = Single(f, "stations.geojson", "s2");
        Assert.Equal("geometry", p.Field);
        Assert.Contains("geometry", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingGeometry_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.245,28.2851]}", "\"geometry\":null");
        Assert.Equal("geometry is missing", Single(f, "stations.geojson", "s2").Message);
    }

    [Fact]
    public void Read_WrongGeometryType_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "{\"type\":\"Point\",\"coordinates\":[117.245,28.2851]}", "{\"type\":\"LineString\",\"coordinates\":[[117.245,28.2851],[117.246,28.2851]]}");
        Assert.Equal("geometry is a LineString, expected Point", Single(f, "stations.geojson", "s2").Message);
    }

    [Fact]
    public void Read_SwappedLonLatInGeoJson_ReportedAsSwapped()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "[117.245,28.2851]", "[28.2851,117.245]");
        var p = Single(f, "stations.geojson", "s2");
        Assert.Contains("out of range", p.Message, StringComparison.Ordinal);
        Assert.Contains("lon/lat look swapped", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SwappedLonLatInCsv_ReportedAsSwapped()
    {
        using var f = FixtureRegion.Copy().Replace("demand.csv", "d2,117.24,28.2845", "d2,28.2845,117.24");
        var p = Single(f, "demand.csv", "d2");
        Assert.Equal("lon,lat", p.Field);
        Assert.Contains("lon/lat look swapped", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SwappedButInRange_ReportedAsFarFromRegion()
    {
        // Where both ordinates are below 90 a swapped pair is still a valid coordinate: only the distance from the region gives it away.
        using var f = Relocate(FixtureRegion.Copy(), "30.2", "20.2", "20.3").Replace("demand.csv", "d3,30.2352,20.296", "d3,20.296,30.2352");
        var load = RegionFolderReader.Read(f.Path);
        Assert.False(load.HasErrors, string.Join("\n", load.Problems));
        var p = Assert.Single(RegionValidator.Validate(load.Region!), p => p.FeatureId == "d3");
        Assert.Equal(ProblemSeverity.Error, p.Severity);
        Assert.Contains("km from the region's centre", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("lon/lat look swapped", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PointInAnotherProvince_ReportedAsMisplaced()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "[117.245,28.2851]", "[113.245,23.2851]");
        var p = SingleValidation(f, "stations.geojson", "s2");
        Assert.Matches(@"^position \(113\.245, 23\.2851\) is \d+ km from the region's centre .*; wrong CRS or a typo\?$", p.Message);
    }

    [Fact]
    public void Validate_ChineseCodeOutsideChina_Reported()
    {
        using var f = Relocate(FixtureRegion.Copy(), "-51.2", "-30.0", "-29.9");
        var load = RegionFolderReader.Read(f.Path);
        Assert.False(load.HasErrors, string.Join("\n", load.Problems));
        var p = Assert.Single(RegionValidator.Validate(load.Region!), p => p.FileName() == "region.json");
        Assert.Equal("code", p.Field);
        Assert.Contains("Chinese division code but the data lie at", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("units.geojson", "\"level\":\"village\"", "\"level\":\"hamlet\"", "360681001001", "level", "unknown level 'hamlet': use county, township, village or grid")]
    [InlineData("stations.geojson", "\"level\":\"township_station\",\"status\":\"planned\"", "\"level\":\"hub\",\"status\":\"planned\"", "s2", "level", "unknown level 'hub': use county_center, area_center, township_station or village_point")]
    [InlineData("stations.geojson", "\"status\":\"planned\"", "\"status\":\"closed\"", "s2", "status", "unknown status 'closed': use planned, built or operating")]
    [InlineData("stations.geojson", "\"social_workers\":0", "\"social_workers\":-2", "s2", "social_workers", "-2 is negative")]
    [InlineData("stations.geojson", "\"social_workers\":0", "\"social_workers\":\"three\"", "s2", "social_workers", "'three' is not a number")]
    [InlineData("stations.geojson", "\"social_workers\":0", "\"social_workers\":1.5", "s2", "social_workers", "1.5 is not a whole number")]
    [InlineData("stations.geojson", "\"social_workers\":0,", "\"social_workers\":0,\"supervisors\":-1,", "s2", "supervisors", "-1 is negative")]
    [InlineData("stations.geojson", "\"social_workers\":0,", "\"social_workers\":0,\"supervisors\":\"one\",", "s2", "supervisors", "'one' is not a number")]
    [InlineData("demand.csv", "d2,117.24,28.2845,360681002,80", "d2,117.24,28.2845,360681002,-80", "d2", "total", "count -80 is negative")]
    [InlineData("demand.csv", "d2,117.24,28.2845,360681002,80", "d2,117.24,28.2845,360681002,eighty", "d2", "total", "'eighty' is not a number")]
    [InlineData("teams.geojson", "\"active_members\":12", "\"active_members\":25", "t1", "active_members", "25 active members is more than the 20 members")]
    [InlineData("needs.geojson", "\"group\":\"elderly\"", "\"group\":\"pets\"", "n1", "group", "unknown group 'pets': region.json lists total,elderly,children")]
    [InlineData("needs.geojson", "\"kind\":\"haircut\",", "", "n1", "kind", "is missing: say what service is needed")]
    [InlineData("candidates.geojson", "\"cost\":2", "\"cost\":-1", "c1", "cost", "-1 is negative")]
    [InlineData("units.geojson", "\"name\":\"花园社区\",", "", "360681001001", "name", "is missing or empty")]
    [InlineData("public_buildings.geojson", ",\"kind\":\"school\"", "", "pb2", "kind", "is missing: say what the building is (townhall, community_centre, school, clinic, ...)")]
    [InlineData("public_buildings.geojson", "\"id\":\"pb2\"", "\"id\":\" \"", "#2", "id", "is empty")]
    [InlineData("stations.geojson", "\"id\":\"s2\"", "\"id\":\"\"", "#2", "id", "is empty")]
    public void Read_BadValue_ReportsFileFeatureFieldAndReason(string file, string oldText, string newText, string id, string field, string message)
    {
        using var f = FixtureRegion.Copy().Replace(file, oldText, newText);
        var p = Single(f, file, id);
        Assert.Equal(field, p.Field);
        Assert.Equal(message, p.Message);
        Assert.Equal($"{file} feature {id} field '{field}': {message}", RegionFiles.Describe(p));
    }

    [Fact]
    public void ReadAndValidate_BadPublicBuildingsFile_NamesFileFeatureFieldAndReasonForEachBrokenBuilding()
    {
        using var f = FixtureRegion.Copy().Write("public_buildings.geojson", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "public_buildings_bad.geojson")));

        var load = RegionFolderReader.Read(f.Path);

        const string Layer = "public_buildings.geojson";
        Assert.Equal(
            [
                $"{Layer} feature #3 field 'id': is empty",
                $"{Layer} feature b4 field 'kind': is missing: say what the building is (townhall, community_centre, school, clinic, ...)",
                $"{Layer} feature b5 field 'geometry': coordinate (28.284, 117.226) is out of range: latitude 117.226 > 90, lon/lat look swapped (GeoJSON is [lon, lat])",
                $"{Layer} feature b6 field 'geometry': geometry is a LineString, expected Point",
                $"{Layer} feature b8 field 'geometry': geometry is missing",
            ],
            load.Problems.Select(RegionFiles.Describe));
        Assert.All(load.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));

        // The rest loads (b9 without a name is named by kind and id), and the validator finds what needs the whole layer.
        Assert.Equal(["b1", "b1", "b7", "b9"], load.Region!.PublicBuildings.Select(b => b.Id));
        Assert.Equal("hospital b9", load.Region.PublicBuildings[3].Name);
        var problems = RegionValidator.Validate(load.Region).Where(p => p.FileName() == Layer).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal($"{Layer} feature b1 field 'id': id is used by 2 features: ids must be unique", RegionFiles.Describe(problems[0]));
        Assert.Equal(("b7", "geometry"), (problems[1].FeatureId, problems[1].Field));
        Assert.Matches(@"^position \(113\.245, 23\.2851\) is \d+ km from the region's centre .*; wrong CRS or a typo\?$", problems[1].Message);
    }

    [Fact]
    public void Validate_PublicBuildingWithSwappedButValidCoordinates_ReportedAsSwapped()
    {
        using var f = Relocate(FixtureRegion.Copy(), "30.2", "20.2", "20.3").Replace("public_buildings.geojson", "[30.2305,20.2862]", "[20.2862,30.2305]");
        var p = SingleValidation(f, "public_buildings.geojson", "pb1");
        Assert.EndsWith("lon/lat look swapped", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadFeature_LeftOutButOthersKept()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "\"status\":\"planned\"", "\"status\":\"closed\"");
        var load = RegionFolderReader.Read(f.Path);
        Assert.Equal(["s1"], load.Region!.Stations.Select(s => s.Id));
        Assert.Equal(3, load.Region.Demand.Length);
    }

    [Fact]
    public void Validate_ParentMissing_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("units.geojson", "\"parent\":\"360681001\"", "\"parent\":\"360681009\"");
        var p = SingleValidation(f, "units.geojson", "360681001001");
        Assert.Equal(("parent", "parent unit '360681009' does not exist"), (p.Field, p.Message));
    }

    [Fact]
    public void Validate_ParentNotALevelUp_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("units.geojson", "\"parent\":\"360681001\"", "\"parent\":\"360681002\"").Replace("units.geojson", "\"level\":\"village\"", "\"level\":\"township\"");
        var p = SingleValidation(f, "units.geojson", "360681001001");
        Assert.Equal("parent '360681002' is a township, not a level above this township", p.Message);
    }

    [Fact]
    public void Validate_UnknownUnitReference_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("demand.csv", "360681002,80", "360681777,80");
        var p = SingleValidation(f, "demand.csv", "d2");
        Assert.Equal(("unit", "unit '360681777' is not one of the region's units"), (p.Field, p.Message));
    }

    [Fact]
    public void Validate_DuplicateIds_Reported()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "\"id\":\"s2\"", "\"id\":\"s1\"");
        var p = SingleValidation(f, "stations.geojson", "s1");
        Assert.Equal(("id", "id is used by 2 features: ids must be unique"), (p.Field, p.Message));
    }

    [Fact]
    public void Validate_StationFarFromRoads_ReportedAsError()
    {
        // 28.2851 -> 28.2751 moves the station 1.1 km south of the nearest road (lat 28.285 and the footway ends at 28.281: 0.7 km).
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "[117.245,28.2851]", "[117.245,28.2751]");
        var p = SingleValidation(f, "stations.geojson", "s2");
        Assert.Equal(ProblemSeverity.Error, p.Severity);
        Assert.Equal("station is more than 500 m from every road: nobody could reach it along the network", p.Message);
    }

    [Fact]
    public void Validate_DemandFarFromRoads_ReportedAsWarning()
    {
        using var f = FixtureRegion.Copy().Replace("demand.csv", "d2,117.24,28.2845", "d2,117.24,28.2745");
        var p = SingleValidation(f, "demand.csv", "d2");
        Assert.Equal(ProblemSeverity.Warning, p.Severity);
        Assert.Contains("more than 500 m from every road", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DemandJustInsideRoadLimit_NotReported()
    {
        // 0.004 degrees of latitude is about 443 m: inside the 500 m limit.
        using var f = FixtureRegion.Copy().Replace("demand.csv", "d2,117.24,28.2845", "d2,117.24,28.281");
        Assert.Empty(RegionValidator.Validate(RegionFolderReader.Read(f.Path).Region!));
    }

    [Theory]
    [InlineData("region.json", null, "file is missing: every region folder needs region.json")]
    [InlineData("units.geojson", null, "file is missing")]
    [InlineData("units.geojson", "{\"type\":\"Feature\"}", "not a GeoJSON FeatureCollection with a 'features' array")]
    [InlineData("region.json", "{\"name\":\"x\",\"groups\":[\"total\"],\"crs\":\"epsg:3857\"}", "unknown CRS 'epsg:3857': use wgs84, gcj02 or bd09")]
    [InlineData("region.json", "{\"name\":\"x\"}", "is missing: list the population groups, e.g. [\"total\", \"elderly\"]")]
    [InlineData("demand.csv", "id,lon,lat,total\nd1,117.2,28.3,5\n", "column missing from header 'id,lon,lat,total'")]
    public void Read_BrokenFile_ReportsFileLevelProblem(string file, string? content, string message)
    {
        using var f = FixtureRegion.Copy();
        if (content is null)
        {
            f.Delete(file);
        }
        else
        {
            f.Write(file, content);
        }

        var load = RegionFolderReader.Read(f.Path);
        Assert.Contains(load.Problems, p => p.FileName() == file && p.Message == message);
        Assert.True(load.HasErrors);
    }

    /// <summary>Moves the whole tiny fixture by rewriting its coordinate prefixes (lon 117.2x, lat 28.2x and 28.3x).</summary>
    private static FixtureRegion Relocate(FixtureRegion f, string lon, string lat2, string lat3)
    {
        foreach (var file in new[] { "units.geojson", "roads.geojson", "stations.geojson", "teams.geojson", "needs.geojson", "candidates.geojson", "public_buildings.geojson", "demand.csv" })
        {
            var path = Path.Combine(f.Path, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace("117.2", lon, StringComparison.Ordinal).Replace("28.2", lat2, StringComparison.Ordinal).Replace("28.3", lat3, StringComparison.Ordinal));
        }

        return f;
    }

    private static ValidationProblem Single(FixtureRegion f, string file, string id)
    {
        var load = RegionFolderReader.Read(f.Path);
        return Assert.Single(load.Problems, p => p.FileName() == file && p.FeatureId == id);
    }

    private static ValidationProblem SingleValidation(FixtureRegion f, string file, string id)
    {
        var load = RegionFolderReader.Read(f.Path);
        Assert.Empty(load.Problems);
        return Assert.Single(RegionValidator.Validate(load.Region!), p => p.FileName() == file && p.FeatureId == id);
    }
}
