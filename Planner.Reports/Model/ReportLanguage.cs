namespace Planner.Reports.Model;

/// <summary>The language a report is written in. Chinese is the default: the reports are handed in to Chinese offices.</summary>
public enum ReportLanguage
{
    /// <summary>简体中文.</summary>
    Chinese,

    /// <summary>English.</summary>
    English,
}
