namespace Planner.Core.Model;

/// <summary>Where a layer of a region came from, and whether it is measured or modelled.</summary>
/// <param name="Layer">The file or layer it describes (roads, demand, units, stations, ...).</param>
/// <param name="Name">Source name.</param>
/// <param name="Licence">Licence of the source data.</param>
/// <param name="Modelled">True when the figures are modelled (spread from totals, generated), not measured.</param>
/// <param name="Note">How it was derived.</param>
/// <param name="Url">Where to find the source, when known.</param>
public sealed record DataSource(string Layer, string Name, string Licence, bool Modelled, string Note, string? Url = null);
