using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class StationCsvImporterTests
{
    private static readonly StationCsvImporter.Options HealthcareStandIns =
        new("lon", "lat", "id", "healthcare", "Stand-in (healthcare hexagon)", StationLevel.VillagePoint, StationStatus.Operating, 1);

    [Fact]
    public void Read_PortoAlegreHexgrid_OneStandInPerHexagonWithHealthcare()
    {
        var rows = File.ReadAllLines(ImportFixtures.Path("poa_hexgrid.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var expected = rows.Where(c => double.TryParse(c[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0).Select(c => c[0]).ToList();
        var region = ImportFixtures.BoxRegion(new GeoBounds(-51.4, -30.3, -51.0, -29.8), "4314902");

        var stations = StationCsvImporter.Read(region, ImportFixtures.Path("poa_hexgrid.csv"), HealthcareStandIns);

        Assert.Equal(expected, stations.Select(s => s.Id));
        Assert.All(stations, s => Assert.Equal($"Stand-in (healthcare hexagon) {s.Id}", s.Name));
        Assert.All(stations, s => Assert.Equal("4314902", s.UnitCode));
    }

    [Fact]
    public void Read_RegionSmallerThanTheData_KeepsOnlyStationsInside()
    {
        var box = new GeoBounds(-51.24, -30.06, -51.20, -30.02);
        var region = ImportFixtures.BoxRegion(box, "4314902");

        var stations = StationCsvImporter.Read(region, ImportFixtures.Path("poa_hexgrid.csv"), HealthcareStandIns);

        Assert.NotEmpty(stations);
        Assert.All(stations, s => Assert.True(box.Contains(s.Location)));
    }

    [Fact]
    public void Read_BadCoordinate_ReportsLineAndColumn()
    {
        var path = Path.Combine(ImportFixtures.TempFolder(), "stations.csv");
        File.WriteAllLines(path, ["id,lon,lat,healthcare", "a,-51.2,-30.0,1", "b,west,-30.0,2", "c,-51.2,-30.0,"]);
        var region = ImportFixtures.BoxRegion(new GeoBounds(-51.4, -30.3, -51.0, -29.8));

        var ex = Assert.Throws<ImportException>(() => StationCsvImporter.Read(region, path, HealthcareStandIns));

        Assert.Equal($"{path}: line 3: lon: 'west' is not a number", Assert.Single(ex.Problems));
    }
}
