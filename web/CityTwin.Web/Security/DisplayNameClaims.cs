using System.Security.Claims;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Security;

/// <summary>
/// Puts the account's display name (for a single sign-on account, the provider's "name") into the
/// session, where <c>/api/account/me</c> reads it; Identity's own claims stop at name and roles.
/// </summary>
public sealed class DisplayNameClaims(UserManager<CityTwinUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CityTwinUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CityTwinUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }
}
