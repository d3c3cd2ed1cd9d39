namespace Planner.Core.Model;

/// <summary>The four levels of the station network (县总站—片区中心站—乡镇社工站—村服务点).</summary>
public enum StationLevel
{
    /// <summary>County general station or guidance centre (县总站).</summary>
    CountyCenter,

    /// <summary>Area centre station serving several townships (片区中心站).</summary>
    AreaCenter,

    /// <summary>Township social-work station (乡镇社工站).</summary>
    TownshipStation,

    /// <summary>Village or community service point or room (村服务点 / 社工室).</summary>
    VillagePoint,
}
