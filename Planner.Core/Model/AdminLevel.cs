namespace Planner.Core.Model;

/// <summary>The level of an administrative unit, from the county down to the grid (网格).</summary>
public enum AdminLevel
{
    /// <summary>County, district or county-level city (县 / 区 / 县级市); 6-digit division code.</summary>
    County,

    /// <summary>Township, town or street (乡 / 镇 / 街道); 9-digit code. One social-work station each is the goal.</summary>
    Township,

    /// <summary>Village or community (村 / 社区); 12-digit code.</summary>
    Village,

    /// <summary>Grid (网格), the smallest management cell under a village or community.</summary>
    Grid,
}
