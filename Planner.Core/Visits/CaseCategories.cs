namespace Planner.Core.Visits;

/// <summary>
/// The categories of files (一人一档) that home visits serve: 一老一小一困. Data, not an enum, so a county can add
/// its own; the reader accepts these names and any other lower-case name given in <c>other:</c> form is refused
/// with the list, so a typo does not create a category.
/// </summary>
public static class CaseCategories
{
    /// <summary>Elderly people living alone (独居老人, 空巢老人).</summary>
    public const string ElderlyAlone = "elderly_alone";

    /// <summary>Special-hardship people (特困人员).</summary>
    public const string SpecialHardship = "special_hardship";

    /// <summary>Left-behind children (农村留守儿童).</summary>
    public const string LeftBehindChild = "left_behind_child";

    /// <summary>De-facto orphaned children (事实无人抚养儿童).</summary>
    public const string OrphanDeFacto = "orphan_de_facto";

    /// <summary>Severely disabled people (重度残疾人), including the poor severely disabled.</summary>
    public const string SevereDisability = "severe_disability";

    /// <summary>Low-income households (低保、低收入家庭).</summary>
    public const string LowIncome = "low_income";

    /// <summary>Any other file the station keeps.</summary>
    public const string Other = "other";

    /// <summary>Every category the reader accepts.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [ElderlyAlone, SpecialHardship, LeftBehindChild, OrphanDeFacto, SevereDisability, LowIncome, Other];

    /// <summary>Whether <paramref name="name"/> is a known category (exact, lower case).</summary>
    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);
}
