using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class PopulationReaderTests
{
    // Published with the data (shared/data/README.md): WorldPop ages 60+ over Hankou.
    private const double HankouElderly = 212_576;

    [Fact]
    public void GeoTiff_HankouClip_SumsToPublishedTotal()
    {
        var points = GeoTiffPopulationReader.Read(ImportFixtures.Path("wuhan_pop60plus_100m_hankou_clip.tif"));

        Assert.Equal(HankouElderly, points.Sum(p => p.Counts[0]), 0.5);
        Assert.InRange(points.Count, 1, 108 * 96);
        Assert.All(points, p => Assert.True(p.Counts[0] > 0));
    }

    [Fact]
    public void GeoTiff_HankouClip_CellCentresLieInsideTheRasterBox()
    {
        // Tie point and pixel size from the file's tags 33922 and 33550 (read with tiffinfo-like parsing once).
        const double west = 114.2095828907479, north = 30.66041674599117, size = 0.0008333333299933837;

        var points = GeoTiffPopulationReader.Read(ImportFixtures.Path("wuhan_pop60plus_100m_hankou_clip.tif"));

        foreach (var p in points)
        {
            double col = (p.Location.Lon - west) / size - 0.5, row = (north - p.Location.Lat) / size - 0.5;
            Assert.Equal(Math.Round(col), col, 1e-6);
            Assert.Equal(Math.Round(row), row, 1e-6);
            Assert.InRange(Math.Round(col), 0, 107);
            Assert.InRange(Math.Round(row), 0, 95);
        }
    }

    [Fact]
    public void GeoTiff_AssembledIntoABox_KeepsOnlyCellsInsideIt()
    {
        var box = new GeoBounds(114.22, 30.60, 114.26, 30.64);
        var region = ImportFixtures.BoxRegion(box, "420102");
        var points = GeoTiffPopulationReader.Read(ImportFixtures.Path("wuhan_pop60plus_100m_hankou_clip.tif"));
        var expected = points.Where(p => box.Contains(p.Location)).Sum(p => p.Counts[0]);

        var demand = DemandAssembler.Assemble(region, points);

        Assert.Equal(expected, demand.Sum(d => d.Counts[0]), 1e-6);
        Assert.True(demand.Length < points.Count);
        Assert.All(demand, d => Assert.Equal("420102", d.UnitCode));
    }

    [Fact]
    public void Csv_PortoAlegreHexgrid_SumsToTheColumnTotal()
    {
        var path = ImportFixtures.Path("poa_hexgrid.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int col = Array.IndexOf(header, "population");
        var expected = lines.Skip(1).Sum(l => double.Parse(l.Split(',')[col], CultureInfo.InvariantCulture));

        var points = PopulationCsvReader.Read(path, "lon", "lat", ["population"], "id");

        Assert.Equal(812_935, expected);
        Assert.Equal(expected, points.Sum(p => p.Counts[0]));
        Assert.Equal(lines.Length - 1, points.Count);
        Assert.Equal("89a901291abffff", points[0].Id);
    }

    [Fact]
    public void Csv_BadRows_ReportsEveryRowWithLineAndColumn()
    {
        var path = Path.Combine(ImportFixtures.TempFolder(), "bad.csv");
        File.WriteAllLines(path, ["id,lon,lat,people", "a,117.2,28.3,10", "b,117.2,28.3,abc", "c,200,28.3,5", "d,117.2,28.3,-1"]);

        var ex = Assert.Throws<ImportException>(() => PopulationCsvReader.Read(path, "lon", "lat", ["people"], "id"));

        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("line 3: people: 'abc' is not a number", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("line 4: lon/lat:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("line 5: people: -1 is negative", StringComparison.Ordinal));
        Assert.All(ex.Problems, p => Assert.StartsWith(path, p, StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_MissingColumn_NamesTheColumn()
    {
        var ex = Assert.Throws<ImportException>(() => PopulationCsvReader.Read(ImportFixtures.Path("poa_hexgrid.csv"), "lon", "lat", ["people"], null));

        Assert.Contains("line 1: people: column is missing", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}
