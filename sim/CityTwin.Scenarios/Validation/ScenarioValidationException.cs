namespace CityTwin.Scenarios.Validation;

/// <summary>Thrown by the engine when asked to run a definition that does not validate.</summary>
public sealed class ScenarioValidationException(ScenarioValidationResult result)
    : Exception("the scenario definition is not valid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public ScenarioValidationResult Result { get; } = result;
}
