namespace CityTwin.Scenarios.Validation;

/// <summary>
/// Errors (the definition cannot run) and warnings (it runs, but probably not as meant: an
/// intervention that matches no asset). <see cref="ErrorsByPath"/> has the shape ASP.NET Core's
/// validation problem responses take.
/// </summary>
public sealed record ScenarioValidationResult(IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    public IDictionary<string, string[]> ErrorsByPath() =>
        Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
