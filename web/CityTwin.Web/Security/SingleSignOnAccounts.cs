using System.Security.Claims;
using System.Text.Json;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Web.Security;

/// <summary>
/// Turns a person the identity provider vouched for into a CityTwin account: found by the
/// provider's subject (made on first sign-in), its roles replaced by those mapped from the
/// provider's claims, refused when an admin disabled it here.
/// </summary>
public sealed class SingleSignOnAccounts(UserManager<CityTwinUser> users, TimeProvider time)
{
    public async Task<(CityTwinUser? User, string? Refusal)> LinkAsync(ClaimsPrincipal external, SingleSignOnOptions options)
    {
        var subject = external.FindFirst("sub")?.Value ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(subject)) return (null, "the identity provider sent no subject");
        var issuer = external.FindFirst("iss")?.Value ?? external.Claims.FirstOrDefault()?.Issuer ?? options.Authority;
        var key = $"{issuer.TrimEnd('/')}|{subject}";
        var user = await users.Users.SingleOrDefaultAsync(u => u.ExternalSubject == key);
        if (user is null)
        {
            var wanted = external.FindFirst(options.UserNameClaim)?.Value ?? external.FindFirst("email")?.Value ?? subject;
            user = new CityTwinUser
            {
                UserName = await FreeUserNameAsync(wanted),
                DisplayName = external.FindFirst("name")?.Value ?? wanted,
                Email = external.FindFirst("email")?.Value,
                ExternalSubject = key,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return (null, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        if (user.Disabled) return (user, "the account is disabled");
        var mapped = MapRoles(external, options);
        var held = await users.GetRolesAsync(user);
        var remove = held.Except(mapped).ToList();
        var add = mapped.Except(held).ToList();
        if (remove.Count > 0) await users.RemoveFromRolesAsync(user, remove);
        if (add.Count > 0) await users.AddToRolesAsync(user, add);
        return (user, null);
    }

    /// <summary>CityTwin roles from the provider's role or group claims, through the configured map.</summary>
    public static IReadOnlyList<string> MapRoles(ClaimsPrincipal external, SingleSignOnOptions options)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in external.FindAll(options.RoleClaim).SelectMany(c => Values(c.Value)))
        {
            if (options.RoleMap.TryGetValue(name, out var mapped) && Roles.IsKnown(mapped)) roles.Add(mapped);
            else if (Roles.IsKnown(name)) roles.Add(name);
        }
        return [.. roles];
    }

    /// <summary>
    /// The values of one role claim. Token handlers give one claim per element of a JSON array,
    /// but a nested array or a provider that sends the array as a string leaves it in one claim.
    /// Anything else is one value as it is: group names such as LDAP DNs contain commas.
    /// </summary>
    private static IEnumerable<string> Values(string value)
    {
        if (!value.StartsWith('[')) return [value];
        try
        {
            using var array = JsonDocument.Parse(value);
            if (array.RootElement.ValueKind != JsonValueKind.Array) return [value];
            return [.. array.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }
        catch (JsonException)
        {
            return [value];
        }
    }

    private async Task<string> FreeUserNameAsync(string wanted)
    {
        var clean = new string([.. wanted.Where(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '@' or '+')]);
        if (clean.Length == 0) clean = "user";
        if (clean.Length > 200) clean = clean[..200];
        var candidate = clean;
        for (var n = 2; await users.FindByNameAsync(candidate) is not null; n++) candidate = $"{clean}-{n}";
        return candidate;
    }
}
