using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetTopologySuite.IO.Converters;
using Planner.Api.Coverage;
using Planner.Api.Jobs;
using Planner.Api.Layers;
using Planner.Api.Options;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;

namespace Planner.Api.Hosting;

/// <summary>Services and middleware of the API, so that <c>Program.cs</c> stays a list of feature groups.</summary>
internal static class PlannerApiSetup
{
    /// <summary>Registers configuration, problem details, API-key security, stores, caches, jobs and OpenAPI.</summary>
    public static WebApplicationBuilder AddPlannerApi(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Planner");
        builder.Services.Configure<PlannerOptions>(section);
        var options = section.Get<PlannerOptions>() ?? new PlannerOptions();
        builder.Services.Configure<KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.ConfigureEndpointDefaults(l => l.UseServerRejectionProblems());
        });

        builder.Services.AddProblemDetails(p => p.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UrlSigner>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Viewer, p => p.RequireRole(Roles.Viewer, Roles.Planner, Roles.Admin))
            .AddPolicy(Roles.Planner, p => p.RequireRole(Roles.Planner, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        builder.Services.AddPlannerCompute(options);
        builder.Services.AddSingleton<Visits.VisitPlanStore>();
        builder.Services.AddSingleton(_ => new WhatIfCoverageCache(WhatIfCoverageCache.DefaultCapacity));
        builder.Services.AddSingleton<LayerSource>();
        builder.Services.AddSingleton<Tiles.BasemapTiles>();
        builder.Services.AddCostLimits(options);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityScheme>());
        return builder;
    }

    /// <summary>
    /// What computes and runs jobs, shared by the API and <c>planner worker</c>: JSON options, the region
    /// catalog, coverage, the job engine.
    /// </summary>
    public static IServiceCollection AddPlannerCompute(this IServiceCollection services, PlannerOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.Converters.Add(new GeoJsonConverterFactory());
            j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddRegionCatalog(options);
        services.AddSingleton<RegionAccess>();
        services.AddMemoryCache(m => m.SizeLimit = Math.Max(1, options.CoverageCacheEntries));
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<CoverageService>();
        services.AddPlannerJobs(options);
        return services;
    }

    /// <summary>Problem details for every error, authentication, the development key, OpenAPI and its page.</summary>
    public static WebApplication UsePlannerApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Services.GetRequiredService<ApiKeyStore>().EnsureAdminKey(Console.Out);
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/openapi", OpenApiPage.Html).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
