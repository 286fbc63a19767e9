using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// The page's inline scripts (the import map that names the npm modules cannot be an external file)
/// are allowed by their SHA-256 hashes, read from the page itself, so the policy needs no
/// 'unsafe-inline' and follows the page when it changes.
/// </summary>
public static partial class InlineScriptHashes
{
    /// <summary>CSP source expressions (<c>'sha256-…'</c>) of every non-empty inline script in <paramref name="page"/>.</summary>
    public static IReadOnlyList<string> Of(IFileProvider webRoot, string page = "index.html")
    {
        var file = webRoot.GetFileInfo(page);
        if (!file.Exists) return [];
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        var html = reader.ReadToEnd();
        return [.. InlineScript().Matches(html)
            .Select(m => m.Groups["body"].Value)
            .Where(body => body.Trim().Length > 0)
            .Select(body => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'")
            .Distinct()];
    }

    /// <summary>Adds <paramref name="hashes"/> to the policy's script-src directive.</summary>
    public static string AddTo(string policy, IReadOnlyList<string> hashes) =>
        hashes.Count == 0 ? policy : ScriptSrc().Replace(policy, m => $"{m.Value} {string.Join(' ', hashes)}", 1);

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"script-src [^;]*")]
    private static partial Regex ScriptSrc();
}
