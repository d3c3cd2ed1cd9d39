using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Options;

namespace Planner.Api.Jobs;

/// <summary>Registers the job engine: Hangfire storage chosen by the store, the client, the runner, the handlers and the server.</summary>
internal static class JobsSetup
{
    /// <summary>
    /// PostgreSQL storage in its own schema of the store's database when <c>Planner:Store=postgis</c> (shared
    /// by every API and worker process); Hangfire.InMemory otherwise (the embedded default needs no server and
    /// is one process; its jobs end with it). Runs a Hangfire server when <see cref="PlannerOptions.Workers"/> &gt; 0.
    /// </summary>
    public static IServiceCollection AddPlannerJobs(this IServiceCollection services, PlannerOptions options)
    {
        services.AddSingleton(_ => CreateStorage(options));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<IJobHandler, CoverageJob>();
        services.AddSingleton<IJobHandler, RecommendationsJob>();
        services.AddSingleton<IJobHandler, MatchingJob>();
        services.AddSingleton<IJobHandler, ScenarioRunJob>();
        services.AddSingleton<IJobHandler, ReportJob>();
        services.AddSingleton<IJobHandler, VisitPlanJob>();
        services.AddSingleton<Batches.BatchService>();
        services.AddSingleton<Batches.BatchRunner>();
        if (options.Workers > 0)
        {
            services.AddHostedService<JobServerService>();
        }

        return services;
    }

    /// <summary>The schema of the job tables: the store's schema (first of its search path) + <c>_jobs</c>, else <c>planner_jobs</c>.</summary>
    public static string JobSchema(string connectionString)
    {
        var searchPath = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var first = searchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s != "public");
        return first is null ? "planner_jobs" : first.Trim('"') + "_jobs";
    }

    private static JobStorage CreateStorage(PlannerOptions options)
    {
        if (!options.Store.Equals("postgis", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(options.PostGis))
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = JobSchema(options.PostGis),
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(500),

            // A job whose worker died (SIGKILL, power) is fetched again after this long; the sliding timeout keeps
            // a live worker's job invisible however long it runs, so a short timeout does not duplicate work.
            InvisibilityTimeout = TimeSpan.FromSeconds(options.JobInvisibilitySeconds),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostGis, storageOptions), storageOptions);
    }
}
