using Microsoft.AspNetCore.Identity;

namespace CityTwin.Accounts;

/// <summary>
/// Length over composition rules (NIST SP 800-63B): a long passphrase beats "P@ssw0rd1", and the
/// generated first-admin password (letters and digits) passes.
/// </summary>
public static class PasswordRules
{
    public static void Apply(PasswordOptions password, int minimumLength)
    {
        password.RequiredLength = minimumLength;
        password.RequireDigit = false;
        password.RequireLowercase = false;
        password.RequireUppercase = false;
        password.RequireNonAlphanumeric = false;
    }
}
