namespace Planner.Desktop.Tests;

/// <summary>
/// The desktop app over the repository's Guixi sample (贵溪市: three townships, 20 villages and communities with
/// Chinese names, 266 grids): the region the search by Chinese name is tried on. A class fixture inside the
/// desktop collection, like <see cref="PortoAlegreApp"/>.
/// </summary>
public sealed class GuixiApp : IAsyncLifetime
{
    /// <summary>The app and browser over <c>data/guixi</c>.</summary>
    public DesktopApp App { get; } = new(DesktopApp.RepositoryFolder(Path.Combine("data", "guixi")));

    /// <inheritdoc />
    public Task InitializeAsync() => App.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => App.DisposeAsync();
}
