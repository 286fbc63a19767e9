namespace CityTwin.Import;

/// <summary>
/// The import cannot go on: every problem found so far, each naming its file and feature. Nothing
/// has been written when this is thrown.
/// </summary>
public sealed class CityImportException : Exception
{
    public CityImportException(IReadOnlyList<ImportProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public CityImportException(string file, string? feature, string message)
        : this([new ImportProblem(file, feature, message)])
    {
    }

    public IReadOnlyList<ImportProblem> Problems { get; }
}
