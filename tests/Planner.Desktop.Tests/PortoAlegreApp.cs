namespace Planner.Desktop.Tests;

/// <summary>
/// The desktop app over the repository's Porto Alegre sample (117 stations, 15886 roads): the region the live
/// drag's speed target is set on. A class fixture inside the desktop collection, so it never runs beside the
/// other desktop tests and their timings stay apart.
/// </summary>
public sealed class PortoAlegreApp : IAsyncLifetime
{
    /// <summary>The app and browser over <c>data/porto-alegre</c>.</summary>
    public DesktopApp App { get; } = new(DesktopApp.RepositoryFolder(Path.Combine("data", "porto-alegre")));

    /// <inheritdoc />
    public Task InitializeAsync() => App.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => App.DisposeAsync();
}
