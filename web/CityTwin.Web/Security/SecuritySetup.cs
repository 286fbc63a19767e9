using CityTwin.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Security;

/// <summary>Accounts, sign-in (cookie, API token, single sign-on), roles and anti-forgery, registered and placed together.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddCityTwinSecurity(this IServiceCollection services, IConfiguration configuration, AccountStore store)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<AccountsOptions>(configuration.GetSection(AccountsOptions.Section));
        var accounts = configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();

        services.AddAccountStore(store);
        services.TryAddSingletonTimeProvider();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<LastKnownTokens>();
        services.AddScoped<AuditLog>();
        services.AddDataProtection().SetApplicationName("CityTwin").PersistKeysToDbContext<AccountsDbContext>();

        services.AddIdentityCore<CityTwinUser>(o =>
            {
                PasswordRules.Apply(o.Password, accounts.MinimumPasswordLength);
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // "Confirmed" here means "not disabled" (see EnabledAccountConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            // For an admin's password reset (a one-time token from data protection).
            .AddDefaultTokenProviders()
            .AddUserConfirmation<EnabledAccountConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = security.SessionRevalidation);

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Default;
                o.DefaultChallengeScheme = AuthSchemes.Default;
            })
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or API token", o =>
                o.ForwardDefaultSelector = http => ApiTokenAuthenticationHandler.SecretOf(http.Request) is null ? AuthSchemes.Cookie : AuthSchemes.ApiToken)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = ".CityTwin.Session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = security.SessionLifetime;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnRedirectToLogin = c => Refuse(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Refuse(c, StatusCodes.Status403Forbidden);
            });
        // External sign-ins (single sign-on) land in Identity's external cookie before the session is made.
        authentication.AddCookie(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = ".CityTwin.External";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        // Identity signs a rejected session out of its two-factor cookies too: they must exist (unused otherwise).
        authentication.AddCookie(IdentityConstants.TwoFactorRememberMeScheme).AddCookie(IdentityConstants.TwoFactorUserIdScheme);
        authentication.AddCityTwinSingleSignOn(configuration);

        services.AddAuthorization(o => Policies.Add(o, security.RequireSignIn));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResultHandler>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryGuard.HeaderName;
            o.Cookie.Name = ".CityTwin.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static IApplicationBuilder UseCityTwinSecurity(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseMiddleware<AntiforgeryGuard>();

    /// <summary>
    /// Identity's periodic look at the session's account (disabled? roles changed?). While the
    /// store is down the session carries on as it was: reads keep working, writes answer 503 at
    /// their own store, and the look is made again once the store is back.
    /// </summary>
    private static async Task ValidateSessionAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception e) when (CityTwin.Hosting.StoreErrors.IsUnavailable(e))
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecuritySetup))
                .LogWarning("The account store is unavailable ({Error}); the session of {User} continues unchecked", e.GetType().Name, context.Principal?.Identity?.Name);
        }
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// The API answers 401/403 with problem details (written by <see cref="RefusalResultHandler"/>);
    /// a page such as the Orleans dashboard sends the browser to the map's sign-in instead.
    /// </summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (Actor.IsApiRequest(request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        var back = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
        context.Response.Redirect($"/?signin=1&returnUrl={back}");
        return Task.CompletedTask;
    }
}
