using Planner.Api.Options;

namespace Planner.Api.Regions;

/// <summary>Chooses the region catalog from configuration.</summary>
internal static class RegionCatalogSetup
{
    /// <summary>
    /// Registers <see cref="IRegionCatalog"/> and <see cref="Scenarios.IScenarioCatalog"/>: the GeoPackage workspace
    /// (default; seeded from the data folder on first start), PostGIS, or the region folders themselves.
    /// </summary>
    public static IServiceCollection AddRegionCatalog(this IServiceCollection services, PlannerOptions options)
    {
        switch (options.Store.ToLowerInvariant())
        {
            case "folders":
                services.AddSingleton<IRegionCatalog>(sp => new FolderRegionCatalog(
                    DataFolder.Resolve(options, sp.GetRequiredService<IHostEnvironment>()), sp.GetRequiredService<ILogger<FolderRegionCatalog>>()));
                services.AddSingleton<Scenarios.IScenarioCatalog, Scenarios.MemoryScenarioCatalog>();
                return services;
            case "gpkg" or "postgis":
                services.AddSingleton(sp => Open(options, sp.GetRequiredService<IHostEnvironment>()));
                services.AddSingleton<IRegionCatalog>(sp => new StoreRegionCatalog(sp.GetRequiredService<Storage.IWorkspaceStore>(),
                    DataFolder.Resolve(options, sp.GetRequiredService<IHostEnvironment>()), sp.GetRequiredService<ILogger<StoreRegionCatalog>>()));
                services.AddSingleton<Scenarios.IScenarioCatalog>(sp => new Scenarios.StoreScenarioCatalog(sp.GetRequiredService<Storage.IWorkspaceStore>()));
                return services;
            default:
                throw new InvalidOperationException($"Planner:Store '{options.Store}' is not a store; use gpkg, postgis or folders.");
        }
    }

    private static Storage.IWorkspaceStore Open(PlannerOptions options, IHostEnvironment environment)
    {
        if (options.Store.Equals("postgis", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(options.PostGis)
                ? throw new InvalidOperationException("Planner:Store is postgis but Planner:PostGis (the connection string) is empty.")
                : Storage.StoreFactory.Open(options.PostGis);
        }

        var path = options.Workspace ?? Path.Combine(environment.ContentRootPath, "App_Data", "workspace.gpkg");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new Storage.GeoPackage.GeoPackageStore(path);
    }
}

/// <summary>Finds the data folder: the configured one, else the nearest <c>data/</c> above the content root or the binaries.</summary>
internal static class DataFolder
{
    /// <summary>The data folder's full path.</summary>
    public static string Resolve(PlannerOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.DataPath))
        {
            return Path.GetFullPath(options.DataPath);
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "standards")))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(environment.ContentRootPath, "data");
    }
}
