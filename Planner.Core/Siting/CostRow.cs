namespace Planner.Core.Siting;

/// <summary>One row of a long-format travel-cost matrix (<c>demand_id,site_id,cost</c>), as OSRM, Valhalla or a GIS write it.</summary>
/// <param name="DemandId">Demand item identifier.</param>
/// <param name="SiteId">Site identifier.</param>
/// <param name="Cost">Travel cost from the site to the demand item, in the matrix's unit (minutes or metres).</param>
public readonly record struct CostRow(string DemandId, string SiteId, double Cost);
