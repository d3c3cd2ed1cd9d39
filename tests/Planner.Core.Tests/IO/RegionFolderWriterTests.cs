using System.Text.Json;
using Planner.Core.Geo;
using Planner.Core.IO;

namespace Planner.Core.Tests.IO;

public class RegionFolderWriterTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameRegion()
    {
        var original = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        using var target = FixtureRegion.Copy();
        foreach (var f in Directory.GetFiles(target.Path))
        {
            File.Delete(f);
        }

        RegionFolderWriter.Write(original, target.Path);
        var result = RegionFolderReader.Read(target.Path);

        Assert.Empty(result.Problems);
        var copy = result.Region!;
        Assert.Equal(original.Info with { Sources = [] }, copy.Info with { Sources = [] });
        Assert.Equal(original.Info.Sources.ToArray(), copy.Info.Sources.ToArray());
        Assert.Equal(original.Demand.Select(d => (d.Id, d.Location, d.UnitCode, string.Join(",", d.Counts))), copy.Demand.Select(d => (d.Id, d.Location, d.UnitCode, string.Join(",", d.Counts))));
        Assert.Equal(original.Stations.ToArray(), copy.Stations.ToArray());
        Assert.Equal(original.Candidates.ToArray(), copy.Candidates.ToArray());
        Assert.Equal(original.PublicBuildings.ToArray(), copy.PublicBuildings.ToArray());
        Assert.Equal(2, copy.PublicBuildings.Length);
        Assert.Equal(original.Needs.ToArray(), copy.Needs.ToArray());
        Assert.Equal(original.Teams.Select(t => (t.Id, string.Join(";", t.Skills), t.WeeklyHours)), copy.Teams.Select(t => (t.Id, string.Join(";", t.Skills), t.WeeklyHours)));
        Assert.Equal(original.Units.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)), copy.Units.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)));
        Assert.All(original.Units.Zip(copy.Units), p => Assert.True(p.First.Boundary.EqualsExact(p.Second.Boundary, 1e-9)));
        Assert.Equal(original.Roads.Select(r => (r.Id, string.Join(";", r.Tags.OrderBy(t => t.Key)))), copy.Roads.Select(r => (r.Id, string.Join(";", r.Tags.OrderBy(t => t.Key)))));
    }

    [Fact]
    public void Write_RegionWithoutPublicBuildings_WritesNoPublicBuildingsFile()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region! with { PublicBuildings = [] };
        using var target = FixtureRegion.Copy().Delete(RegionFiles.PublicBuildings);

        RegionFolderWriter.Write(region, target.Path);

        Assert.False(File.Exists(Path.Combine(target.Path, RegionFiles.PublicBuildings)));
        Assert.True(File.Exists(Path.Combine(target.Path, RegionFiles.Candidates)));
    }

    [Fact]
    public void Write_Twice_SameBytes()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        using var a = FixtureRegion.Copy();
        using var b = FixtureRegion.Copy();
        RegionFolderWriter.Write(region, a.Path);
        RegionFolderWriter.Write(RegionFolderReader.Read(a.Path).Region!, b.Path);

        foreach (var file in Directory.GetFiles(a.Path).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, file!)), File.ReadAllBytes(Path.Combine(b.Path, file!)));
        }

        Assert.DoesNotContain(Directory.GetFiles(a.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains("东门街道社工站", File.ReadAllText(Path.Combine(a.Path, "stations.geojson")));
    }

    [Theory]
    [InlineData("gcj02")]
    [InlineData("bd09")]
    public void Write_FolderReadAsChinaCrs_ReadsBackAtTheSamePlaceAndSaysWgs84(string crs)
    {
        using var source = FixtureRegion.Copy().Replace("region.json", "\"wgs84\"", $"\"{crs}\"");
        var read = RegionFolderReader.Read(source.Path).Region!;
        using var target = FixtureRegion.Copy();

        RegionFolderWriter.Write(read, target.Path);
        var again = RegionFolderReader.Read(target.Path).Region!;

        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(target.Path, RegionFiles.Info)));
        Assert.Equal("wgs84", info.RootElement.GetProperty("crs").GetString());
        Assert.Equal(InputCrs.Wgs84, read.Info.Crs);
        // The writer keeps 7 decimals (about 1 cm). With the input crs written back, the second read shifts every point again by about 500 m.
        Assert.All(read.Stations.Zip(again.Stations), p => Assert.True(RegionCenterDistanceMeters(p.First.Location, p.Second.Location) < 0.01, $"{p.First.Id} moved {RegionCenterDistanceMeters(p.First.Location, p.Second.Location):0.###} m"));
        Assert.All(read.Demand.Zip(again.Demand), p => Assert.True(RegionCenterDistanceMeters(p.First.Location, p.Second.Location) < 0.01));
        Assert.All(read.Units.Zip(again.Units), p => Assert.True(p.First.Boundary.EqualsExact(p.Second.Boundary, 1e-7)));
        Assert.All(read.Roads.Zip(again.Roads), p => Assert.True(p.First.Line.EqualsExact(p.Second.Line, 1e-7)));
    }

    private static double RegionCenterDistanceMeters(GeoPoint a, GeoPoint b) => Planner.Core.Validation.RegionCenter.DistanceKm(a, b) * 1000;
}
