namespace Planner.Core.Validation;

/// <summary>How bad a problem is: errors make <c>planner validate</c> exit 2; warnings are reported only.</summary>
public enum ProblemSeverity
{
    /// <summary>The data is wrong or unusable.</summary>
    Error,

    /// <summary>Suspicious but usable.</summary>
    Warning,
}
