using System.Text.RegularExpressions;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Client patterns (idPattern, q's =~) run without backtracking and with a time limit; one that runs
/// out of time matches nothing rather than failing the request.
/// </summary>
public static class SafeRegex
{
    public static bool IsMatch(Regex pattern, string input)
    {
        try { return pattern.IsMatch(input); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
