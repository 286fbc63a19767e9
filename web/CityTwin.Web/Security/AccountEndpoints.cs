using System.Globalization;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Security;

/// <summary>Signing in and out, who am I, one's own password and API tokens.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/api/account/sign-in";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Account");

        api.MapGet("/me", (HttpContext http, IAntiforgery antiforgery, IOptions<SecurityOptions> security, IOptions<SingleSignOnOptions> sso) =>
        {
            var user = http.User;
            var signedIn = user.Identity?.IsAuthenticated == true;
            // The token is bound to the session: the page reads it again after signing in or out.
            var token = antiforgery.GetAndStoreTokens(http).RequestToken;
            var roles = signedIn ? user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Distinct().Order().ToList() : [];
            return TypedResults.Ok(new MeResponse(
                signedIn,
                signedIn ? user.Identity!.Name : null,
                signedIn ? user.FindFirst(DisplayNameClaims.ClaimType)?.Value ?? user.Identity!.Name : null,
                roles,
                Actor.ViaOf(user),
                security.Value.RequireSignIn,
                new SingleSignOnInfo(sso.Value.Enabled, sso.Value.Enabled ? sso.Value.DisplayName : null, sso.Value.Enabled ? "/api/account/sign-in/oidc" : null),
                token,
                new MayDo(user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Admin), Policies.CanPlan(user), user.IsInRole(Roles.Admin))));
        }).AllowAnonymous().WithSummary("Who the caller is, their roles, what they may change, and the anti-forgery token for changes made with the session cookie");

        api.MapPost("/sign-in", async Task<Results<Ok<SignedInResponse>, ValidationProblem, ProblemHttpResult>> (
            SignInRequest? request, HttpContext http, SignInManager<CityTwinUser> signIn, UserManager<CityTwinUser> users, ILogger<SignInRequest> logger) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request?.UserName)) errors["userName"] = ["Give your user name"];
            else if (request.UserName.Length > 256) errors["userName"] = ["A user name has at most 256 characters"];
            if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["Give your password"];
            else if (request.Password.Length > 1024) errors["password"] = ["A password has at most 1,024 characters"];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Sign-in needs a user name and a password");

            var name = request!.UserName!.Trim();
            var user = await users.FindByNameAsync(name);
            var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.PasswordSignInAsync(user, request.Password!, request.Remember, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await http.AuditAsync(AuditActions.SignIn, target: name, detail: "password");
                logger.LogInformation("{User} signed in from {Address}", name, http.Connection.RemoteIpAddress);
                return TypedResults.Ok(new SignedInResponse(name));
            }
            var why = result.IsLockedOut ? "locked out after repeated failures" : result.IsNotAllowed ? "account disabled" : "wrong user name or password";
            logger.LogWarning("Failed sign-in as {User} from {Address}: {Why}", name, http.Connection.RemoteIpAddress, why);
            await http.AuditSignInAsync(name, AuditOutcomes.Failed, "password", why);
            if (result.IsLockedOut && user?.LockoutEnd is { } end)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem($"Too many failed attempts: try again in {seconds} s", statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked for a while");
            }
            // Same answer for an unknown user and a wrong password: the API does not tell which names exist.
            return TypedResults.Problem(result.IsNotAllowed ? "This account is disabled; ask an administrator" : "The user name or the password is wrong",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }).AllowAnonymous().WithSummary("Password sign-in: sets the session cookie. 401 when wrong, 429 with Retry-After when locked or too many attempts");

        api.MapPost("/sign-out", async Task<NoContent> (HttpContext http, SignInManager<CityTwinUser> signIn) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && http.User.Identity.AuthenticationType == AuthSchemes.Cookie)
            {
                await http.AuditAsync(AuditActions.SignOut, target: http.User.Identity.Name);
                await signIn.SignOutAsync();
            }
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Ends the browser session");

        api.MapPost("/password", async Task<Results<NoContent, ValidationProblem>> (PasswordChangeRequest? request, HttpContext http, UserManager<CityTwinUser> users, SignInManager<CityTwinUser> signIn) =>
        {
            if (await users.GetUserAsync(http.User) is not { } user)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Only a signed-in account can change its password"] });
            if (string.IsNullOrEmpty(request?.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [string.IsNullOrEmpty(request?.CurrentPassword) ? "currentPassword" : "newPassword"] = ["Give the current and the new password"],
                });
            var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
            if (!changed.Succeeded) return TypedResults.ValidationProblem(IdentityErrors.ToFields(changed, "newPassword"), title: "The password was not changed");
            await http.AuditAsync(AuditActions.PasswordChange, target: user.UserName);
            // A new security stamp ends the other sessions; this one continues.
            if (http.User.Identity?.AuthenticationType == AuthSchemes.Cookie) await signIn.RefreshSignInAsync(user);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SignedIn).WithSummary("Change one's own password (ends one's other sessions)");

        api.MapGet("/sign-in/oidc", (string? returnUrl, IOptions<SingleSignOnOptions> sso) =>
        {
            if (!sso.Value.Enabled)
                return Results.Problem("Single sign-on is not configured for this city", statusCode: StatusCodes.Status404NotFound, title: "No single sign-on");
            var back = LocalUrl(returnUrl);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = $"/api/account/sign-in/oidc/complete?returnUrl={Uri.EscapeDataString(back)}" }, [AuthSchemes.Oidc]);
        }).AllowAnonymous().ExcludeFromDescription();

        api.MapGet("/sign-in/oidc/complete", async (string? returnUrl, HttpContext http, SingleSignOnAccounts link, SignInManager<CityTwinUser> signIn,
            IOptions<SingleSignOnOptions> sso, ILogger<SingleSignOnAccounts> logger) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded || external.Principal is null) return Results.Redirect("/?signin-error=sso");
            var (user, refusal) = await link.LinkAsync(external.Principal, sso.Value);
            var name = user?.UserName ?? external.Principal.FindFirst(sso.Value.UserNameClaim)?.Value ?? "unknown";
            if (user is null || refusal is not null)
            {
                logger.LogWarning("Refused single sign-on of {User}: {Why}", name, refusal);
                await http.AuditSignInAsync(name, AuditOutcomes.Failed, AuthSchemes.Oidc, refusal);
                return Results.Redirect("/?signin-error=" + (user?.Disabled == true ? "disabled" : "sso"));
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "oidc");
            var roles = await signIn.UserManager.GetRolesAsync(user);
            await http.AuditSignInAsync(name, AuditOutcomes.Done, AuthSchemes.Oidc, $"single sign-on; roles: {string.Join(", ", roles)}");
            return Results.Redirect(LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        api.MapTokenEndpoints();
    }

    /// <summary>
    /// Only paths of this site: a sign-in must never send the browser elsewhere (open redirect).
    /// Browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would become "//evil.example".
    /// </summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) && !u.Any(char.IsControl) ? u : "/";
}

/// <summary>The answer to a successful sign-in; the page then reads /api/account/me.</summary>
public sealed record SignedInResponse(string UserName);
