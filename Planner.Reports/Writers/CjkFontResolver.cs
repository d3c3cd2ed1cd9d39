using PdfSharp.Fonts;

namespace Planner.Reports.Writers;

/// <summary>
/// PDFsharp's font resolver over the installed CJK font (<see cref="CjkFont"/>): every family resolves to it,
/// bold is simulated, and the font's subset is embedded in the PDF, so a page reads the same on a machine
/// without Chinese fonts.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    private const string FaceName = "planner-cjk";
    private static readonly Lock InstallLock = new();
    private readonly byte[] font;

    private CjkFontResolver(CjkFont font) => this.font = TrueTypeCollection.Extract(font.Bytes);

    /// <summary>
    /// Makes this the process's resolver. PDFsharp keeps one resolver per process and refuses to change it
    /// once fonts are in use, so it is installed once; a resolver someone else installed is left alone.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver(CjkFont.Require());
            }
        }
    }

    /// <inheritdoc/>
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, bold, italic);

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName) => faceName == FaceName ? font : null;
}
