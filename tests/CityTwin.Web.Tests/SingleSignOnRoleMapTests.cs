using System.Security.Claims;
using CityTwin.Web.Security;

namespace CityTwin.Web.Tests;

/// <summary>How provider groups become CityTwin roles, for the claim shapes providers send.</summary>
public sealed class SingleSignOnRoleMapTests
{
    private static readonly SingleSignOnOptions Options = new()
    {
        RoleClaim = "groups",
        RoleMap = new(StringComparer.OrdinalIgnoreCase)
        {
            ["city-planning"] = Roles.Planner,
            ["CN=Twin Operators,OU=Groups,DC=city,DC=example"] = Roles.Operator,
            ["typo"] = "superuser",
        },
    };

    private static IReadOnlyList<string> Map(params string[] values) =>
        SingleSignOnAccounts.MapRoles(new ClaimsPrincipal(new ClaimsIdentity(values.Select(v => new Claim("groups", v)), "test")), Options);

    [Fact]
    public void One_claim_per_group_and_a_JSON_array_in_one_claim_map_alike() =>
        Assert.Equal([Roles.Operator, Roles.Planner], Map("""["city-planning","CN=Twin Operators,OU=Groups,DC=city,DC=example"]"""));

    [Fact]
    public void A_group_name_with_commas_is_one_group() =>
        Assert.Equal([Roles.Operator], Map("CN=Twin Operators,OU=Groups,DC=city,DC=example", "CN=city-planning,OU=Other,DC=city,DC=example"));

    [Fact]
    public void Unmapped_groups_and_maps_to_unknown_roles_give_nothing_while_a_role_name_maps_to_itself() =>
        Assert.Equal([Roles.Viewer], Map("parks", "typo", "viewer", "[not json"));

    [Fact]
    public void The_map_ignores_the_case_of_group_names() =>
        Assert.Equal([Roles.Planner], Map("City-Planning"));
}
