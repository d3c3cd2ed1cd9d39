using Planner.Api.Hosting;

namespace Planner.Api.Regions;

/// <summary>Chooses the region catalog from configuration.</summary>
internal static class RegionCatalogSetup
{
    /// <summary>Registers <see cref="IRegionCatalog"/>: the data folder's region folders.</summary>
    public static IServiceCollection AddRegionCatalog(this IServiceCollection services, PlannerOptions options)
    {
        services.AddSingleton<IRegionCatalog>(sp => new FolderRegionCatalog(
            DataFolder.Resolve(options, sp.GetRequiredService<IHostEnvironment>()), sp.GetRequiredService<ILogger<FolderRegionCatalog>>()));
        return services;
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
