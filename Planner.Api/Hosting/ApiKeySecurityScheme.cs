using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Planner.Api.Security;

namespace Planner.Api.Hosting;

/// <summary>Declares the <c>X-Api-Key</c> header scheme in the OpenAPI document and requires it on every operation but health.</summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CoverageMap API";
        document.Info.Description = "Coverage reports, layers, scenarios and jobs for social-work station planning. Send a key in X-Api-Key; roles viewer < planner < admin; a key's scope is a division-code prefix.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "API key: cmk_<id>.<secret>",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (path.StartsWith("/health", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
