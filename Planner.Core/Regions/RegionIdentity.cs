namespace Planner.Core.Regions;

/// <summary>What tells a stored region apart: its key and the two aliases it answers to.</summary>
/// <param name="Key">The key it is stored and addressed under (<c>guixi</c>).</param>
/// <param name="Code">Its division code (<c>360681</c>), or empty.</param>
/// <param name="Name">Its own name, region.json's <c>name</c> (<c>贵溪市</c>), shown as its title.</param>
public sealed record RegionIdentity(RegionKey Key, string Code, string Name)
{
    /// <summary>The key with its aliases, for messages: <c>guixi (贵溪市, 360681)</c>.</summary>
    public string Describe() => Code.Length == 0 ? $"{Key} ({Name})" : $"{Key} ({Name}, {Code})";
}
