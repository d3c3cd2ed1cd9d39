using System.Diagnostics;
using System.Text;

namespace Planner.Storage.Tests;

/// <summary>
/// Runs a large import in a child process (this test assembly started with <c>dotnet exec</c> in its
/// <c>import-large</c> mode, see <see cref="Program"/>) and kills it once it reports that part of the
/// demand layer is written, i.e. in the middle of the save's transaction.
/// </summary>
internal static class KillHelper
{
    public sealed record Outcome(bool Killed, string Output);

    public static async Task<Outcome> RunAndKillAsync(string target, string region, long expectedVersion, int demandPoints, int killAfterDemandRows)
    {
        var dll = typeof(KillHelper).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll, Program.ImportLargeMode, target, region, expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), demandPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the child process");
        var output = new StringBuilder();
        var errors = child.StandardError.ReadToEndAsync();
        bool killed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            var parts = line.Split(' ');
            if (parts is ["rows", "demand", var n] && long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) >= killAfterDemandRows)
            {
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        await child.WaitForExitAsync(timeout.Token);
        output.Append(await errors);
        return new Outcome(killed, output.ToString());
    }
}
