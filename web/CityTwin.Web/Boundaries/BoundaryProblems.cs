using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Boundaries;

/// <summary>The one shape of every refusal at the boundary: problem details with an error per field.</summary>
public static class BoundaryProblems
{
    /// <summary>The field name used when the fault is the body as a whole (not JSON, too large, wrong type).</summary>
    public const string Body = "body";

    public static ProblemHttpResult Of(int status, string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
        });
}
