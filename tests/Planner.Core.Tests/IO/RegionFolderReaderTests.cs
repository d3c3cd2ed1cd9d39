using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Core.Tests.IO;

public class RegionFolderReaderTests
{
    [Fact]
    public void Read_TinyFixture_LoadsEveryLayerWithoutProblems()
    {
        var result = RegionFolderReader.Read(FixtureRegion.Original());

        Assert.Empty(result.Problems);
        var region = Assert.IsType<Region>(result.Region);
        Assert.Equal("测试区 (tiny test region)", region.Info.Name);
        Assert.Equal("360681", region.Info.Code);
        Assert.Equal(["total", "elderly", "children"], region.Groups.Names.ToArray());
        Assert.Equal(15, region.Info.DefaultMinutes);
        Assert.Equal("walk", region.Info.DefaultMode);
        Assert.True(Assert.Single(region.Info.Sources).Modelled);
        Assert.Equal(4, region.Units.Length);
        Assert.Equal(3, region.Roads.Length);
        Assert.Equal(3, region.Demand.Length);
        Assert.Equal(2, region.Stations.Length);
        Assert.Single(region.Teams);
        Assert.Single(region.Needs);
        Assert.Single(region.Candidates);
        Assert.Equal(2, region.PublicBuildings.Length);
    }

    [Fact]
    public void Read_TinyFixture_KeepsPropertiesAsWritten()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;

        var village = region.Units.Single(u => u.Code == "360681001001");
        Assert.Equal("花园社区", village.Name);
        Assert.Equal(AdminLevel.Village, village.Level);
        Assert.Equal("360681001", village.ParentCode);
        Assert.Equal(0.015 * 0.01, village.Boundary.Area, 9);

        var road = region.Roads.Single(r => r.Id == "101");
        Assert.Equal("residential", road.Highway);
        Assert.Equal("建设路", road.Tag("name"));
        Assert.Equal(3, road.Line.NumPoints);

        var d1 = region.Demand.Single(d => d.Id == "d1");
        Assert.Equal(new GeoPoint(117.225, 28.2855), d1.Location);
        Assert.Equal([120.0, 20, 30], d1.Counts.ToArray());
        Assert.Equal([250.0, 35, 55], region.PopulationByGroup());

        var s1 = region.Stations.Single(s => s.Id == "s1");
        Assert.Equal((StationLevel.TownshipStation, StationStatus.Operating, 3, "360681001"), (s1.Level, s1.Status, s1.SocialWorkers, s1.UnitCode));

        var team = Assert.Single(region.Teams);
        Assert.Equal(["haircut", "repair"], team.Skills.ToArray());
        Assert.Equal((20, 12, 30.0), (team.Members, team.ActiveMembers, team.WeeklyHours));
        var need = Assert.Single(region.Needs);
        Assert.Equal(("haircut", "elderly", 2.0), (need.Kind, need.Group, need.HoursPerWeek));
        Assert.Equal(2.0, Assert.Single(region.Candidates).Cost);
        Assert.Equal(
            [new PublicBuilding("pb1", "东门街道办事处", "townhall", new GeoPoint(117.2305, 28.2862), "hand-made"), new PublicBuilding("pb2", "花园小学", "school", new GeoPoint(117.2268, 28.2839))],
            region.PublicBuildings.ToArray());
    }

    [Fact]
    public void Read_PublicBuildingWithoutName_NamedByKindAndId()
    {
        using var fixture = FixtureRegion.Copy().Replace("public_buildings.geojson", "\"name\":\"花园小学\",", string.Empty);
        var result = RegionFolderReader.Read(fixture.Path);
        Assert.Empty(result.Problems);
        Assert.Equal("school pb2", result.Region!.PublicBuildings[1].Name);
    }

    [Fact]
    public void Read_Gcj02Region_ConvertsEveryLayerToWgs84()
    {
        using var fixture = FixtureRegion.Copy().Replace("region.json", "\"wgs84\"", "\"gcj02\"");
        var original = RegionFolderReader.Read(FixtureRegion.Original()).Region!;

        var converted = RegionFolderReader.Read(fixture.Path).Region!;

        var expected = ChinaCoordinates.Gcj02ToWgs84(original.Stations[0].Location);
        Assert.Equal(expected, converted.Stations[0].Location);
        Assert.Equal(ChinaCoordinates.Gcj02ToWgs84(original.Demand[0].Location), converted.Demand[0].Location);
        var c = converted.Roads[0].Line.Coordinates[0];
        var e = ChinaCoordinates.Gcj02ToWgs84(new GeoPoint(117.221, 28.285));
        Assert.Equal((e.Lon, e.Lat), (c.X, c.Y));
        Assert.NotEqual(original.Units[0].Boundary.Coordinates[0], converted.Units[0].Boundary.Coordinates[0]);
        Assert.Equal(ChinaCoordinates.Gcj02ToWgs84(new GeoPoint(117.2305, 28.2862)), converted.PublicBuildings[0].Location);
    }

    [Fact]
    public void Read_Bd09Region_ConvertsPointsToWgs84()
    {
        using var fixture = FixtureRegion.Copy().Replace("region.json", "\"wgs84\"", "\"bd09\"");
        var converted = RegionFolderReader.Read(fixture.Path).Region!;
        Assert.Equal(ChinaCoordinates.Bd09ToWgs84(new GeoPoint(117.2349, 28.2851)), converted.Stations[0].Location);
    }

    [Fact]
    public void ReadWrite_StationSupervisors_KeptWhenGivenAndAbsentOtherwise()
    {
        using var f = FixtureRegion.Copy().Replace("stations.geojson", "\"social_workers\":3,", "\"social_workers\":3,\"supervisors\":2,");
        var region = RegionFolderReader.Read(f.Path).Region!;
        Assert.Equal(2, region.Stations.Single(s => s.Id == "s1").Supervisors);
        Assert.Null(region.Stations.Single(s => s.Id == "s2").Supervisors);

        var written = Directory.CreateTempSubdirectory("supervisors-").FullName;
        try
        {
            RegionFolderWriter.Write(region, written);
            var text = File.ReadAllText(Path.Combine(written, "stations.geojson"));
            Assert.Contains("\"unit\":\"360681001\",\"supervisors\":2}", text);
            Assert.Equal(2, text.Split("supervisors").Length); // s2 records none, so it writes none
            Assert.Equal(region.Stations.ToArray(), RegionFolderReader.Read(written).Region!.Stations.ToArray());
        }
        finally
        {
            Directory.Delete(written, recursive: true);
        }
    }

    [Fact]
    public void Read_OptionalLayersMissing_LoadsWithEmptyLists()
    {
        using var fixture = FixtureRegion.Copy().Delete("teams.geojson").Delete("needs.geojson").Delete("candidates.geojson").Delete("public_buildings.geojson");
        var result = RegionFolderReader.Read(fixture.Path);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Region!.Teams);
        Assert.Empty(result.Region.Needs);
        Assert.Empty(result.Region.Candidates);
        Assert.Empty(result.Region.PublicBuildings);
    }

    [Fact]
    public void Read_MultiLineStringRoad_SplitsIntoPartsKeepingTags()
    {
        using var fixture = FixtureRegion.Copy().Replace("roads.geojson",
            "{\"type\":\"LineString\",\"coordinates\":[[117.221,28.295],[117.249,28.295]]}",
            "{\"type\":\"MultiLineString\",\"coordinates\":[[[117.221,28.295],[117.23,28.295]],[[117.24,28.295],[117.249,28.295]]]}");
        var region = RegionFolderReader.Read(fixture.Path).Region!;
        Assert.Equal(["103/0", "103/1"], region.Roads.Where(r => r.Id.StartsWith("103", StringComparison.Ordinal)).Select(r => r.Id));
        Assert.All(region.Roads.Where(r => r.Id.StartsWith("103", StringComparison.Ordinal)), r => Assert.Equal("trunk", r.Highway));
    }
}
