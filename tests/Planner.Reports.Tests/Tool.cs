using System.Diagnostics;

namespace Planner.Reports.Tests;

/// <summary>Runs an installed command-line tool (pdftotext, pdftoppm, ogrinfo) and returns what it printed; fails the test when it is missing or fails.</summary>
internal static class Tool
{
    public static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["LANG"] = "C.UTF-8";
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {p.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
