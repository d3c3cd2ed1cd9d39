using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary><c>planner worker</c> and <c>planner batch</c> refuse bad options with exit 2 and one line each, before touching any database.</summary>
public sealed class JobCommandsTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Worker_StoreThatIsNotPostgreSql_AndBadThreads_ExitTwoWithALineEach()
    {
        var (exit, _, error) = PlannerCli.Run("worker", "--store", "workspace.gpkg", "--threads", "0");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(2, Lines(error).Length);
        Assert.StartsWith("--store:", Lines(error)[0], StringComparison.Ordinal);
        Assert.StartsWith("--threads:", Lines(error)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_WithoutRegionsOrAll_AndWithBoth_ExitTwoNamingRegions()
    {
        foreach (var args in new[] { new[] { "batch", "--store", "Host=127.0.0.1;Port=1;Database=none" }, ["batch", "--store", "Host=127.0.0.1;Port=1;Database=none", "--regions", "36*", "--all"] })
        {
            var (exit, _, error) = PlannerCli.Run(args);
            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.StartsWith("--regions:", Assert.Single(Lines(error)), StringComparison.Ordinal);
        }
    }
}
