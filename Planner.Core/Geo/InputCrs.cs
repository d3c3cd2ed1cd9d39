namespace Planner.Core.Geo;

/// <summary>The coordinate system a region's input files are written in.</summary>
public enum InputCrs
{
    /// <summary>WGS84 / CGCS2000 longitude-latitude (OSM, GPS, WorldPop). The default.</summary>
    Wgs84,

    /// <summary>GCJ-02, the obfuscated system of Amap (高德) and Tencent maps.</summary>
    Gcj02,

    /// <summary>BD-09, Baidu's system, GCJ-02 with a further offset.</summary>
    Bd09,
}
