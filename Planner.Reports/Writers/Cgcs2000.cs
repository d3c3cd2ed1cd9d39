namespace Planner.Reports.Writers;

/// <summary>
/// CGCS2000 longitude/latitude (EPSG:4490), the coordinate system Chinese GIS desks exchange. The report's
/// WGS84 coordinates are written as they are: the two frames differ by centimetres, far below the precision of
/// the boundaries and station locations.
/// </summary>
internal static class Cgcs2000
{
    /// <summary>EPSG code.</summary>
    public const int Srid = 4490;

    /// <summary>OGC WKT (GeoPackage <c>gpkg_spatial_ref_sys</c>).</summary>
    public const string OgcWkt = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]]";

    /// <summary>ESRI WKT (Shapefile <c>.prj</c>), the form ArcGIS writes for EPSG:4490.</summary>
    public const string EsriWkt = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
}
