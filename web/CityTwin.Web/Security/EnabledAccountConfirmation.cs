using CityTwin.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CityTwin.Web.Security;

/// <summary>Identity asks whether an account is "confirmed" before each sign-in: a disabled account is not.</summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<CityTwinUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<CityTwinUser> manager, CityTwinUser user) => Task.FromResult(!user.Disabled);
}
