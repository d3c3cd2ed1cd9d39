using System.Globalization;

namespace Planner.Core.Geo;

/// <summary>
/// One of the CGCS2000 Gauss-Krüger zones of the EPSG registry (EPSG:4491-4554): transverse Mercator on the
/// CGCS2000 ellipsoid, scale 1 on the central meridian, false northing 0, false easting 500 000 m, with the zone
/// number in front of the easting (zone × 1 000 000 + 500 000) in the "zone" variants.
/// <list type="bullet">
/// <item>4491-4501: 6-degree zones 13-23 (central meridian 6 × zone − 3), zone prefix.</item>
/// <item>4502-4512: 6-degree, central meridians 75°E-135°E, no prefix.</item>
/// <item>4513-4533: 3-degree zones 25-45 (central meridian 3 × zone), zone prefix.</item>
/// <item>4534-4554: 3-degree, central meridians 75°E-135°E, no prefix.</item>
/// </list>
/// </summary>
/// <param name="Epsg">EPSG code.</param>
/// <param name="CentralMeridian">Central meridian, degrees east.</param>
/// <param name="FalseEastingMeters">False easting in metres (with the zone prefix where the variant has one).</param>
/// <param name="Name">The EPSG name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39".</param>
internal sealed record GaussKrugerZone(int Epsg, double CentralMeridian, double FalseEastingMeters, string Name)
{
    /// <summary>The zone of an EPSG code in 4491-4554, else null.</summary>
    public static GaussKrugerZone? FromEpsg(int code)
    {
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        switch (code)
        {
            case >= 4491 and <= 4501:
                {
                    int zone = 13 + (code - 4491);
                    return new(code, zone * 6 - 3, zone * 1_000_000 + 500_000, I($"CGCS2000 / Gauss-Kruger zone {zone}"));
                }

            case >= 4502 and <= 4512:
                {
                    int cm = 75 + 6 * (code - 4502);
                    return new(code, cm, 500_000, I($"CGCS2000 / Gauss-Kruger CM {cm}E"));
                }

            case >= 4513 and <= 4533:
                {
                    int zone = 25 + (code - 4513);
                    return new(code, zone * 3, zone * 1_000_000 + 500_000, I($"CGCS2000 / 3-degree Gauss-Kruger zone {zone}"));
                }

            case >= 4534 and <= 4554:
                {
                    int cm = 75 + 3 * (code - 4534);
                    return new(code, cm, 500_000, I($"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E"));
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// The zone with this central meridian and false easting (a 500 000 m easting without prefix is ambiguous between
    /// the 3-degree and 6-degree families; the 3-degree one is returned, which has the same projection).
    /// </summary>
    public static GaussKrugerZone? Find(double centralMeridian, double falseEasting)
    {
        foreach (var code in Enumerable.Range(4534, 21).Concat(Enumerable.Range(4513, 21)).Concat(Enumerable.Range(4491, 22)))
        {
            var z = FromEpsg(code)!;
            if (Math.Abs(z.CentralMeridian - centralMeridian) < 1e-9 && Math.Abs(z.FalseEastingMeters - falseEasting) < 1e-3)
            {
                return z;
            }
        }

        return null;
    }
}
