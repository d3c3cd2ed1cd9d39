namespace Planner.Storage;

/// <summary>Marker for the storage assembly; the stores arrive with the workspace issue.</summary>
public static class StorageAssembly
{
    /// <summary>The assembly's name.</summary>
    public const string Name = "Planner.Storage";
}
