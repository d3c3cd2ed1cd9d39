using System.Diagnostics;

namespace Planner.Desktop;

/// <summary>Opens the map as an app window: Chromium or Edge with <c>--app</c>, else the default browser.</summary>
internal static class AppWindow
{
    private static readonly string[] AppBrowsers = ["chromium", "chromium-browser", "google-chrome", "microsoft-edge", "msedge"];

    /// <summary>True when a graphical session exists ($DISPLAY or $WAYLAND_DISPLAY on Linux; always on Windows and macOS).</summary>
    public static bool HasDisplay =>
        !OperatingSystem.IsLinux()
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    /// <summary>Starts a window on <paramref name="url"/>; returns the browser process, or null when none could start.</summary>
    public static Process? Open(Uri url, string profileFolder)
    {
        foreach (var browser in AppBrowsers)
        {
            var path = FindOnPath(browser);
            if (path is null)
            {
                continue;
            }

            var info = new ProcessStartInfo(path) { UseShellExecute = false };
            info.ArgumentList.Add($"--app={url}");
            info.ArgumentList.Add($"--user-data-dir={profileFolder}");
            info.ArgumentList.Add("--window-size=1366,860");
            info.ArgumentList.Add("--no-first-run");
            info.ArgumentList.Add("--disable-background-networking");
            info.ArgumentList.Add("--disable-component-update");
            info.ArgumentList.Add("--disable-sync");
            if (OperatingSystem.IsLinux() && Environment.UserName == "root")
            {
                info.ArgumentList.Add("--no-sandbox");
            }

            return Process.Start(info);
        }

        var opener = OperatingSystem.IsWindows() ? null : OperatingSystem.IsMacOS() ? "open" : FindOnPath("xdg-open");
        return opener is null
            ? Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true })
            : Process.Start(opener, url.ToString());
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".exe"] : new[] { name })
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
