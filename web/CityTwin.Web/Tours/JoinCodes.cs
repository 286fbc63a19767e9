using System.Security.Cryptography;

namespace CityTwin.Web.Tours;

/// <summary>
/// Join codes of presentations: six characters from an alphabet without look-alikes (no 0/O, 1/I/L,
/// 5/S, 2/Z, 8/B), so a code read aloud or off a projector is typed right. 25 characters to the
/// sixth power is 244 million codes; a new code that happens to be in use is drawn again.
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code in canonical form (upper case, spaces and dashes dropped), or null when it cannot be one.</summary>
    public static string? Normalise(string? code)
    {
        if (code is null || code.Length > 2 * Length) return null;
        var canonical = new string([.. code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return canonical.Length == Length && canonical.All(Alphabet.Contains) ? canonical : null;
    }
}
