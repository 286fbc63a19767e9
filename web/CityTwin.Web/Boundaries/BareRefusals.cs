namespace CityTwin.Web.Boundaries;

/// <summary>
/// Some refusals are made by the framework with a status code alone: routing answers 415 when an
/// endpoint accepts only JSON and the request says otherwise. The problem details written for them
/// get the same per-field errors as every other refusal at the boundary.
/// </summary>
public static class BareRefusals
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails || problem.Extensions.ContainsKey("errors")) return;
        var message = problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json",
            StatusCodes.Status413PayloadTooLarge => "The body is larger than this endpoint accepts",
            _ => null,
        };
        if (message is not null) problem.Extensions["errors"] = new Dictionary<string, string[]> { [BoundaryProblems.Body] = [message] };
    }
}
