using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Standards;

namespace Planner.Cli.Commands;

/// <summary><c>planner check &lt;region&gt;</c>: every rule of a standards rule set per unit or station.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder (e.g. data/guixi)." };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rule set JSON (default: standards/default.json beside the region folder)." };
        var minutes = new Option<double?>("--minutes") { Description = "Service-circle limit in minutes (default: the region's, usually 15)." };
        var mode = new Option<string?>("--mode") { Description = "Travel mode: walk, ebike or drive (default: the region's)." };
        var includePlanned = new Option<bool>("--include-planned") { Description = "Count planned and built stations for coverage rules too." };
        var format = new Option<string>("--format") { Description = "text, json or csv.", DefaultValueFactory = _ => "text" };
        var lang = new Option<string>("--lang") { Description = "Language of the text output: en (default) or zh (简体中文: the rules' Chinese texts and notes).", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "zh");
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var output = ResultOutput.OutOption();
        var command = new Command("check", "Check staffing, coverage and volunteer standards per unit and station; exit 1 when a rule fails, 2 on bad input.");
        command.Arguments.Add(region);
        command.Options.Add(rules);
        command.Options.Add(minutes);
        command.Options.Add(mode);
        command.Options.Add(includePlanned);
        command.Options.Add(format);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output);
            if (ResultOutput.Problem("--out", file) is { } unwritable)
            {
                Console.Error.WriteLine(unwritable);
                return ExitCodes.BadInput;
            }

            using var result = new StringWriter();
            int code = Run(parse.GetValue(region)!, parse.GetValue(rules), parse.GetValue(minutes), parse.GetValue(mode), parse.GetValue(includePlanned), parse.GetValue(format)!, result, Console.Error,
                parse.GetValue(lang) ?? "en");
            if (code is ExitCodes.Ok or ExitCodes.RuleFailed)
            {
                ResultOutput.Write("--out", file, result.ToString().TrimEnd('\n'), Console.Out);
            }

            return code;
        });
        return command;
    }

    /// <summary>Runs the checks; returns 0 when all pass, 1 when a rule fails, 2 on bad input; <paramref name="lang"/> zh writes the text output in Chinese.</summary>
    public static int Run(DirectoryInfo folder, FileInfo? rulesFile, double? minutes, string? mode, bool includePlanned, string format, TextWriter output, TextWriter errors,
        string lang = "en")
    {
        var load = RegionFolderReader.Read(folder.FullName);
        if (load.Region is null || load.HasErrors)
        {
            foreach (var p in load.Problems.Where(p => p.Severity == Core.Validation.ProblemSeverity.Error))
            {
                errors.WriteLine(RegionFiles.Describe(p));
            }

            return ExitCodes.BadInput;
        }

        var rulesPath = rulesFile?.FullName ?? Path.Combine(folder.FullName, "..", "standards", "default.json");
        if (!File.Exists(rulesPath))
        {
            errors.WriteLine($"--rules: rule set '{rulesPath}' does not exist; give one with --rules FILE.json");
            return ExitCodes.BadInput;
        }

        RuleSet ruleSet;
        try
        {
            ruleSet = RuleSet.Load(rulesPath);
        }
        catch (InvalidDataException ex)
        {
            errors.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }

        var region = load.Region;
        if (ruleSet.GroupProblems(region.Groups, Path.GetFileName(rulesPath)) is { Count: > 0 } groupProblems)
        {
            foreach (var p in groupProblems)
            {
                errors.WriteLine(p);
            }

            return ExitCodes.BadInput;
        }

        var options = new CoverageOptions
        {
            Minutes = minutes ?? region.Info.DefaultMinutes,
            Mode = mode ?? region.Info.DefaultMode,
            IncludePlanned = includePlanned,
            BuildCircles = false,
        };
        var optionProblems = options.Problems();
        if (optionProblems.Count > 0)
        {
            foreach (var p in optionProblems)
            {
                errors.WriteLine($"--minutes/--mode: {p}");
            }

            return ExitCodes.BadInput;
        }

        // Rules that name a life circle read that circle's figures: every named circle is computed over the same
        // prepared network as the run's own.
        var catalog = Planner.Core.Circles.LifeCircleCatalog.Builtin();
        var named = ruleSet.Rules.Select(r => r.Circle).OfType<string>().Distinct(StringComparer.Ordinal).Select(id => options.ForCircle(catalog.Find(id)!));
        var reports = CoverageTiers.Compute(region, [options, .. named]);
        var report = reports[0];
        var figures = reports.SelectMany(r => UnitCoverageFigure.From(r)).ToList();
        var checks = StandardsChecker.Check(region, ruleSet, figures);
        if (format == "text" && lang == "zh")
        {
            WriteChinese(checks, ruleSet, report, output);
        }
        else
        {
            Write(checks, ruleSet, report, format, output);
        }

        return checks.All(c => c.Passed) ? ExitCodes.Ok : ExitCodes.RuleFailed;
    }

    private static void Write(IReadOnlyList<StandardCheck> checks, RuleSet rules, CoverageReport report, string format, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (format)
        {
            case "json":
                o.WriteLine(JsonSerializer.Serialize(
                    new { ruleSet = rules.Name, region = report.Region, minutes = report.Minutes, mode = report.Mode, method = report.Method, passed = checks.Count(c => c.Passed), failed = checks.Count(c => !c.Passed), checks },
                    new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case "csv":
                o.WriteLine("rule,subject_kind,subject_id,subject_name,measured,comparison,required,passed,note");
                foreach (var c in checks)
                {
                    o.WriteLine(string.Join(",", Csv(c.RuleId), c.SubjectKind, Csv(c.SubjectId), Csv(c.SubjectName), c.Measured?.ToString("0.####", inv) ?? string.Empty, c.Comparison, c.Required.ToString("0.####", inv), c.Passed ? "true" : "false", Csv(c.Note)));
                }

                break;
            default:
                o.WriteLine($"{rules.Name}: {report.Region}, {report.Minutes.ToString(inv)} min {report.Mode} ({report.Method})");
                foreach (var group in checks.GroupBy(c => c.RuleId))
                {
                    var first = group.First();
                    o.WriteLine();
                    o.WriteLine($"{first.RuleId}: {first.Rule}  [{group.Count(c => c.Passed)}/{group.Count()} pass]");
                    foreach (var c in group)
                    {
                        var measured = c.Measured is { } m ? m.ToString(m is > 0 and < 1 ? "0.###" : "0.##", inv) : "n/a";
                        o.WriteLine($"  {(c.Passed ? "PASS" : "FAIL")}  {c.SubjectName} ({c.SubjectId}): {measured} {c.Comparison} {c.Required.ToString("0.##", inv)}{(c.Note.Length > 0 ? $"  ({c.Note})" : string.Empty)}");
                    }
                }

                o.WriteLine();
                o.WriteLine($"{checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed.");
                break;
        }
    }

    /// <summary>The text output in Chinese: each rule's Chinese text and note (its English one when it has none), 达标/不达标.</summary>
    private static void WriteChinese(IReadOnlyList<StandardCheck> checks, RuleSet rules, CoverageReport report, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        string mode = report.Mode switch { "walk" => "步行", "ebike" => "电动自行车", "drive" => "驾车", var m => m };
        string method = report.Method == "network" ? "沿路网" : "直线距离（无路网）";
        o.WriteLine($"{rules.Name}：{report.Region}，{mode}{report.Minutes.ToString(inv)}分钟（{method}）");
        foreach (var group in checks.GroupBy(c => c.RuleId))
        {
            var first = group.First();
            o.WriteLine();
            // The rule's own Chinese text (textZh in its file), else the report's wording of the shipped rules.
            var rule = first.RuleZh.Length > 0 ? first.RuleZh : Planner.Reports.Model.RuleTexts.For(Planner.Reports.Model.ReportLanguage.Chinese, first.RuleId, first.Rule);
            o.WriteLine($"{first.RuleId}：{rule}  [达标 {group.Count(c => c.Passed)}/{group.Count()}]");
            foreach (var c in group)
            {
                var measured = c.Measured is { } m ? m.ToString(m is > 0 and < 1 ? "0.###" : "0.##", inv) : "无";
                var note = c.NoteIn("zh");
                o.WriteLine($"  {(c.Passed ? "达标" : "不达标")}  {c.SubjectName}（{c.SubjectId}）：{measured} {c.Comparison} {c.Required.ToString("0.##", inv)}{(note.Length > 0 ? $"（{note}）" : string.Empty)}");
            }
        }

        o.WriteLine();
        o.WriteLine($"达标 {checks.Count(c => c.Passed)} 项，不达标 {checks.Count(c => !c.Passed)} 项。");
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
