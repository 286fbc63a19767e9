using Microsoft.AspNetCore.Identity;

namespace CityTwin.Web.Security;

/// <summary>Identity's refusals (password too short, name taken) as problem-details fields.</summary>
public static class IdentityErrors
{
    public static Dictionary<string, string[]> ToFields(IdentityResult result, string passwordField = "password") =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? passwordField
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "body")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
