using System.CommandLine;
using System.Text.Json;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

[Collection("Console")]
public class CoverageCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(CoverageCommand.Create());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void Coverage_BadOptions_ExitsTwoWithOneLinePerProblem()
    {
        var (exit, _, error) = Run("coverage", "synthetic:500,50,2", "--minutes", "-1", "--mode", "boat", "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Coverage_MissingFolder_ExitsTwo()
    {
        var (exit, _, error) = Run("coverage", "/nonexistent/region");
        Assert.Equal(2, exit);
        Assert.Contains("not found", error);
    }

    [Fact]
    public void Coverage_SyntheticRegion_WritesJsonPointsAndCircles()
    {
        string points = Path.GetTempFileName(), circles = Path.GetTempFileName();
        try
        {
            var (exit, output, _) = Run("coverage", "synthetic:2000,300,5,4", "--points", points, "--circles", circles);
            Assert.Equal(0, exit);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("network", json.RootElement.GetProperty("method").GetString());
            Assert.Equal(15, json.RootElement.GetProperty("minutes").GetDouble());
            Assert.True(json.RootElement.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble() > 0);
            var lines = File.ReadAllLines(points);
            Assert.Equal("id,nearest_station,minutes,covered", lines[0]);
            Assert.Equal(301, lines.Length);
            Assert.Contains("FeatureCollection", File.ReadAllText(circles));
        }
        finally
        {
            File.Delete(points);
            File.Delete(circles);
        }
    }
}
