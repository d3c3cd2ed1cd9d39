using NetTopologySuite.Geometries;
using Planner.Reports.Model;
using ScottPlot;
using Coordinates = ScottPlot.Coordinates;
using SPPolygon = ScottPlot.Plottables.Polygon;

namespace Planner.Reports.Writers;

/// <summary>
/// The report's map as a PNG (ScottPlot): villages shaded by the total group's covered share with their names,
/// service circles, gaps, stations, a north arrow, a scale bar and the data source line. Drawn in kilometres
/// east and north of the region's south-west corner (an equirectangular projection at the mean latitude,
/// true to within a fraction of a percent over a county), so the scale bar holds.
/// </summary>
public static class CoverageMapImage
{
    private const double KmPerDegreeLat = 110.574, KmPerDegreeLonAtEquator = 111.320;

    /// <summary>The map as PNG bytes.</summary>
    public static byte[] Png(ReportDocument report, int widthPx = 1200, int heightPx = 900)
    {
        ShareChart.EnsureFont();
        var villages = report.Villages.Where(v => v.Boundary is not null).ToList();
        var all = villages.Select(v => v.Boundary!.EnvelopeInternal).Aggregate(new Envelope(), (e, x) => { e.ExpandToInclude(x); return e; });
        if (all.IsNull)
        {
            return ShareChart.Png(report, widthPx, heightPx);
        }

        double lon0 = all.MinX, lat0 = all.MinY, kx = KmPerDegreeLonAtEquator * Math.Cos(all.Centre.Y * Math.PI / 180);
        Coordinates Km(double lon, double lat) => new((lon - lon0) * kx, (lat - lat0) * KmPerDegreeLat);

        var plot = new Plot();
        plot.Font.Set(CjkFont.Family);
        foreach (var v in villages)
        {
            var colour = Shade(v.Figures[0].Share);
            foreach (var ring in Rings(v.Boundary!))
            {
                plot.Add.Plottable(new SPPolygon(ring.Select(c => Km(c.X, c.Y)).ToArray()) { FillColor = colour, LineColor = Colors.Gray, LineWidth = 1 });
            }
        }

        foreach (var s in report.Stations.Where(s => s.Circle is { IsEmpty: false }))
        {
            foreach (var ring in Rings(s.Circle!))
            {
                plot.Add.Plottable(new SPPolygon(ring.Select(c => Km(c.X, c.Y)).ToArray()) { FillColor = Color.FromHex("#2171b5").WithAlpha(0.18), LineColor = Color.FromHex("#2171b5"), LineWidth = 1 });
            }
        }

        foreach (var g in report.Gaps.Where(g => g.Outline is { IsEmpty: false }))
        {
            foreach (var ring in Rings(g.Outline!))
            {
                plot.Add.Plottable(new SPPolygon(ring.Select(c => Km(c.X, c.Y)).ToArray()) { FillColor = Color.FromHex("#d7301f").WithAlpha(0.3), LineColor = Color.FromHex("#b30000"), LineWidth = 1 });
            }
        }

        foreach (var v in villages)
        {
            var centre = v.Boundary!.InteriorPoint;
            var label = plot.Add.Text(v.Name, Km(centre.X, centre.Y));
            label.LabelFontName = CjkFont.Family;
            label.LabelFontSize = 14;
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        foreach (var s in report.Stations.Where(s => !double.IsNaN(s.Lon)))
        {
            var m = plot.Add.Marker(Km(s.Lon, s.Lat));
            m.Color = Color.FromHex("#08306b");
            m.Size = 12;
        }

        double width = (all.MaxX - lon0) * kx, height = (all.MaxY - lat0) * KmPerDegreeLat;
        double bar = Math.Pow(10, Math.Floor(Math.Log10(width / 3)));
        var scale = plot.Add.Line(new Coordinates(width * 0.05, height * 0.04), new Coordinates((width * 0.05) + bar, height * 0.04));
        scale.LineWidth = 4;
        scale.LineColor = Colors.Black;
        var scaleText = plot.Add.Text($"{ReportNumbers.Number(bar)} km", new Coordinates((width * 0.05) + (bar / 2), height * 0.07));
        scaleText.LabelFontSize = 14;
        scaleText.LabelAlignment = Alignment.LowerCenter;
        var north = plot.Add.Text("N ↑", new Coordinates(width * 0.97, height * 0.97));
        north.LabelFontSize = 22;
        north.LabelBold = true;
        north.LabelAlignment = Alignment.UpperRight;
        var source = string.Join("；", report.Sources.Select(s => s.Licence).Distinct(StringComparer.Ordinal));
        plot.Title($"{report.RegionName} · {report.Text.GroupHeader(report.Groups[0], report.Text.SharePercent)}", size: 22);
        plot.XLabel($"{report.Text.Sources}: {source}", size: 12);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        foreach (var (share, text) in new[] { (0.1, "< 20%"), (0.5, "40–60%"), (0.9, "≥ 80%") })
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = Shade(share) });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.Text.Gaps, FillColor = Color.FromHex("#d7301f") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.Text.Stations, FillColor = Color.FromHex("#08306b") });
        plot.Legend.FontName = CjkFont.Family;
        plot.Legend.FontSize = 14;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.IsVisible = true;
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>Five greens from light (uncovered) to dark (fully covered).</summary>
    private static Color Shade(double share) => Color.FromHex(share switch
    {
        < 0.2 => "#edf8e9",
        < 0.4 => "#bae4b3",
        < 0.6 => "#74c476",
        < 0.8 => "#31a354",
        _ => "#006d2c",
    });

    private static IEnumerable<Coordinate[]> Rings(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(i => g.GetGeometryN(i)).OfType<NetTopologySuite.Geometries.Polygon>().Select(p => p.ExteriorRing.Coordinates);
}
