using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Planner.Storage.Tests;

/// <summary>
/// Where the test PostGIS is: <c>PLANNER_TEST_POSTGIS</c> (written by <c>scripts/postgis.sh start</c>).
/// When <c>PLANNER_REQUIRE_POSTGIS=1</c> (scripts/test.sh) a missing PostGIS fails the tests; otherwise
/// they are skipped with a reason.
/// </summary>
internal static class PostGisSettings
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGIS") is { Length: > 0 } s ? s : null;

    public static bool Required => Environment.GetEnvironmentVariable("PLANNER_REQUIRE_POSTGIS") == "1";

    public static string? SkipReason => ConnectionString is null && !Required
        ? "PostGIS not configured: run scripts/postgis.sh start and source $TMPDIR/planner-postgis.env (PLANNER_TEST_POSTGIS)"
        : null;

    /// <summary>The connection string, or a failure explaining that the test script requires PostGIS.</summary>
    public static string Require() => ConnectionString
        ?? throw new InvalidOperationException("PLANNER_REQUIRE_POSTGIS=1 but PLANNER_TEST_POSTGIS is not set: scripts/postgis.sh start did not run or failed");

    /// <summary>A connection string whose search path is a fresh schema (<c>t_...</c>), which the caller drops with <see cref="DropSchemaAsync"/>.</summary>
    public static (string ConnectionString, string Schema) NewSchema()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(Require()) { SearchPath = $"{schema}, public" };
        return (builder.ConnectionString, schema);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Marks a test class whose tests need the test PostGIS.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RequiresPostGisAttribute : Attribute;

/// <summary>
/// A fact that is skipped (with the reason) when its concrete test class is marked
/// <see cref="RequiresPostGisAttribute"/> and PostGIS is neither configured nor required. Works for facts
/// inherited from the abstract contract class, because discovery sees the concrete class.
/// </summary>
[XunitTestCaseDiscoverer("Planner.Storage.Tests.StoreFactDiscoverer", "Planner.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostGis = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostGisAttribute)).Any();
        var skip = needsPostGis ? PostGisSettings.SkipReason : null;
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return skip is null
            ? new XunitTestCase(diagnosticMessageSink, display, options, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, skip);
    }
}
