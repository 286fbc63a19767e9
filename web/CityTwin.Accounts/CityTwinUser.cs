using Microsoft.AspNetCore.Identity;

namespace CityTwin.Accounts;

/// <summary>A person (or a service) with an account. Passwords are hashed by Identity's hasher.</summary>
public sealed class CityTwinUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions and tokens stop working.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>For accounts made by single sign-on: the identity provider's subject; null for local accounts.</summary>
    public string? ExternalSubject { get; set; }
}
