namespace Planner.Core.Siting.Csv;

/// <summary>One problem in an input file, precise enough to fix: file, row (1 = first data row) or id, field and reason.</summary>
/// <param name="File">File name as given.</param>
/// <param name="Row">Data row number (1-based, header excluded), or null for the whole file.</param>
/// <param name="Id">Identifier of the item concerned, when known.</param>
/// <param name="Field">Column name, when one is concerned.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record InputProblem(string File, int? Row, string? Id, string? Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = new List<string> { File };
        if (Row is { } r)
        {
            where.Add($"row {r}");
        }

        if (Id is not null)
        {
            where.Add($"id '{Id}'");
        }

        if (Field is not null)
        {
            where.Add($"field '{Field}'");
        }

        return $"{string.Join(", ", where)}: {Reason}";
    }
}
