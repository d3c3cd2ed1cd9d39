using BenchmarkDotNet.Attributes;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Standards;
using Planner.Reports;
using Planner.Reports.Model;

namespace Planner.Benchmarks;

/// <summary>
/// The Guixi county report (data/guixi: 3 townships, 20 villages, 266 grids) as the files officials hand in:
/// rendering .docx and .pdf from a built report model (target under 2 s each, warm), and the whole request
/// (coverage with circles, checks, model, PDF) for scale.
/// <c>dotnet run -c Release --project tests/bench/Planner.Benchmarks -- --filter '*ReportBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private Region _region = null!;
    private RuleSet _rules = null!;
    private ReportDocument _report = null!;

    /// <summary>Loads Guixi, runs coverage and checks, builds the Chinese report once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepositoryRoot();
        _region = RegionFolderReader.Read(Path.Combine(root, "data", "guixi")).Region ?? throw new InvalidDataException("data/guixi did not load");
        _rules = RuleSet.Load(Path.Combine(root, "data", "standards", "default.json"));
        _report = Build();
    }

    /// <summary>Word document from the model (chart drawn each time).</summary>
    [Benchmark]
    public long Docx() => Render(ReportFormat.Docx);

    /// <summary>PDF from the model (chart drawn each time, CJK font subset embedded).</summary>
    [Benchmark]
    public long Pdf() => Render(ReportFormat.Pdf);

    /// <summary>Excel workbook from the model.</summary>
    [Benchmark]
    public long Xlsx() => Render(ReportFormat.Xlsx);

    /// <summary>The whole request: coverage with circles, checks, model and PDF.</summary>
    [Benchmark]
    public long CoverageToPdf()
    {
        _report = Build();
        return Render(ReportFormat.Pdf);
    }

    private long Render(ReportFormat format)
    {
        using var buffer = new MemoryStream();
        ReportRenderer.Write(_report, format, buffer);
        return buffer.Length;
    }

    private ReportDocument Build()
    {
        var coverage = CoverageCalculator.Compute(_region, new CoverageOptions { Minutes = _region.Info.DefaultMinutes, Mode = _region.Info.DefaultMode, BuildCircles = true });
        var figures = coverage.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered))).ToList();
        return ReportBuilder.Build(_region, coverage, StandardsChecker.Check(_region, _rules, figures), new ReportOptions());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CoverageMap.sln not found above " + AppContext.BaseDirectory);
    }
}
