using Planner.Desktop;

// dotnet run --project Planner.Desktop [-- --no-window] [--Planner:DataPath=...]
bool noWindow = args.Contains("--no-window");
await using var host = await DesktopHost.StartAsync([.. args.Where(a => a != "--no-window")]).ConfigureAwait(false);
Console.WriteLine($"CoverageMap is serving the planners' map at {host.BaseAddress}");
Console.WriteLine($"Open: {host.MapUrl}");
if (!noWindow && AppWindow.HasDisplay)
{
    using var window = AppWindow.Open(host.MapUrl, Path.Combine(DesktopHost.UserDataFolder(), "window-profile"));
}
else
{
    Console.WriteLine("No display: open the address above in a browser. Press Ctrl+C to stop.");
}

await host.WaitForShutdownAsync().ConfigureAwait(false);
