using System.Text;
using Planner.Reports.Model;
using Planner.Reports.Writers;

namespace Planner.Reports;

/// <summary>Writes a report in a chosen format: the one call the CLI and the API make.</summary>
public static class ReportRenderer
{
    /// <summary>Writes <paramref name="report"/> as <paramref name="format"/> to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument report, ReportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(format);
        switch (format.Name)
        {
            case "docx": DocxReportWriter.Write(report, output); break;
            case "pdf": PdfReportWriter.Write(report, output); break;
            case "xlsx": XlsxReportWriter.Write(report, output); break;
            case "gpkg": GeoPackageReportWriter.Write(report, output); break;
            case "shp": ShapefileReportWriter.Write(report, output); break;
            case "html":
                var bytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Render(report));
                output.Write(bytes);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a report format");
        }
    }

    /// <summary>The report as bytes.</summary>
    public static byte[] Render(ReportDocument report, ReportFormat format)
    {
        using var buffer = new MemoryStream();
        Write(report, format, buffer);
        return buffer.ToArray();
    }
}
