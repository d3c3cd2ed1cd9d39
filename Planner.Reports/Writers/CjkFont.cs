using System.Diagnostics;

namespace Planner.Reports.Writers;

/// <summary>
/// The CJK font that PDF pages and charts are drawn with: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei,
/// TrueType outlines, which PDFsharp can embed), else another installed font that fontconfig says covers
/// Chinese. <c>PLANNER_CJK_FONT</c> names a file to use instead.
/// </summary>
public sealed class CjkFont
{
    /// <summary>Family name the writers ask for.</summary>
    public const string Family = "Planner CJK";

    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ];

    private static readonly Lazy<CjkFont?> Installed = new(Find);

    private CjkFont(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    /// <summary>The font file.</summary>
    public string Path { get; }

    /// <summary>Its contents (a .ttf, or a .ttc whose first font is used).</summary>
    public byte[] Bytes { get; }

    /// <summary>True when the file is a TrueType collection.</summary>
    public bool IsCollection => Bytes.Length > 4 && Bytes[0] == 't' && Bytes[1] == 't' && Bytes[2] == 'c' && Bytes[3] == 'f';

    /// <summary>The installed CJK font; throws with the package to install when there is none.</summary>
    public static CjkFont Require() => Installed.Value ?? throw new InvalidOperationException(
        "No Chinese font is installed: install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or set PLANNER_CJK_FONT to a .ttf/.ttc file.");

    private static CjkFont? Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PLANNER_CJK_FONT") is { Length: > 0 } chosen)
        {
            candidates.Add(chosen);
        }

        candidates.AddRange(KnownFiles);
        candidates.AddRange(FontconfigChinese());
        var path = candidates.FirstOrDefault(p => File.Exists(p) && (p.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase)));
        return path is null ? null : new CjkFont(path, File.ReadAllBytes(path));
    }

    /// <summary>Files fontconfig lists as covering Chinese (empty when fc-list is missing).</summary>
    private static IEnumerable<string> FontconfigChinese()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh file") { RedirectStandardOutput = true, UseShellExecute = false });
            if (p is null)
            {
                return [];
            }

            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd(':', ' ')).ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
