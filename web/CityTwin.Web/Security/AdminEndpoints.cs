using CityTwin.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Web.Security;

/// <summary>User administration and every token (<c>/api/admin</c>): admins only, every change audited.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Administration);

        admin.MapGet("/roles", () => TypedResults.Ok<IReadOnlyList<RoleInfo>>(
        [
            new(Roles.Viewer, "read everything the city shares, also when sign-in is required"),
            new(Roles.Operator, "the control room: handle alarms"),
            new(Roles.Planner, "run, publish and delete scenarios; read unpublished ones"),
            new(Roles.Trainer, "set the city's clock; lead tours"),
            new(Roles.Admin, "everything, and accounts, tokens and the audit log"),
            new(TokenScopes.Metrics, "token scope only: read /metrics"),
            new(TokenScopes.Feed, "token scope only: send telemetry (POST /api/telemetry, MQTT)"),
        ])).WithSummary("The roles and token scopes, with what each allows");

        admin.MapGet("/users", async (UserManager<CityTwinUser> users) =>
        {
            var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
            var views = new List<UserView>(all.Count);
            foreach (var u in all) views.Add(await ViewAsync(users, u));
            return TypedResults.Ok<IReadOnlyList<UserView>>(views);
        }).WithSummary("Every account with its roles and state");

        admin.MapPost("/users", async Task<Results<Created<UserView>, ValidationProblem>> (CreateUserRequest? request, HttpContext http, UserManager<CityTwinUser> users, TimeProvider time) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request?.UserName)) errors["userName"] = ["Give a user name"];
            if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["Give a first password (the person can change it)"];
            if (request?.DisplayName is { Length: > 200 }) errors["displayName"] = ["At most 200 characters"];
            AddRoleErrors(request?.Roles, errors);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The account was not created");
            var user = new CityTwinUser { UserName = request!.UserName!.Trim(), DisplayName = request.DisplayName?.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded) return TypedResults.ValidationProblem(IdentityErrors.ToFields(created), title: "The account was not created");
            if (request.Roles is { Length: > 0 } roles) await users.AddToRolesAsync(user, roles.Distinct());
            await http.AuditAsync(AuditActions.UserCreate, target: user.UserName, detail: $"roles: {string.Join(", ", request.Roles ?? [])}");
            return TypedResults.Created($"/api/admin/users/{user.UserName}", await ViewAsync(users, user));
        }).WithSummary("Create an account with a first password and roles");

        admin.MapPut("/users/{userName}/roles", async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> (
            string userName, SetRolesRequest? request, HttpContext http, UserManager<CityTwinUser> users) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (request?.Roles is null) errors["roles"] = ["Give the account's roles (an empty list takes them all)"];
            else AddRoleErrors(request.Roles, errors);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The roles were not changed");
            if (await users.FindByNameAsync(userName) is not { } user) return UnknownUser(userName);
            var wanted = request!.Roles!.Distinct().ToList();
            var held = await users.GetRolesAsync(user);
            if (held.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastAdminAsync(users, user))
                return TypedResults.Problem("This is the last enabled administrator: make another first", statusCode: StatusCodes.Status409Conflict, title: "The last administrator");
            await users.RemoveFromRolesAsync(user, held.Except(wanted));
            await users.AddToRolesAsync(user, wanted.Except(held));
            // Open sessions pick up the new roles at their next check.
            await users.UpdateSecurityStampAsync(user);
            await http.AuditAsync(AuditActions.UserRoles, target: user.UserName, detail: $"{string.Join(", ", held.Order())} → {string.Join(", ", wanted.Order())}");
            return TypedResults.Ok(await ViewAsync(users, user));
        }).WithSummary("Replace an account's roles");

        admin.MapPost("/users/{userName}/disable", (string userName, HttpContext http, UserManager<CityTwinUser> users) => SetDisabledAsync(userName, true, http, users))
            .WithSummary("Disable an account: no sign-in; its sessions end and its tokens stop working");
        admin.MapPost("/users/{userName}/enable", (string userName, HttpContext http, UserManager<CityTwinUser> users) => SetDisabledAsync(userName, false, http, users))
            .WithSummary("Enable an account again");

        admin.MapPost("/users/{userName}/password", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (
            string userName, ResetPasswordRequest? request, HttpContext http, UserManager<CityTwinUser> users) =>
        {
            if (string.IsNullOrEmpty(request?.Password))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Give the new password"] });
            if (await users.FindByNameAsync(userName) is not { } user) return UnknownUser(userName);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, request.Password);
            if (!reset.Succeeded) return TypedResults.ValidationProblem(IdentityErrors.ToFields(reset), title: "The password was not changed");
            await users.SetLockoutEndDateAsync(user, null);
            await http.AuditAsync(AuditActions.UserPasswordReset, target: user.UserName);
            return TypedResults.NoContent();
        }).WithSummary("Set a new password for an account (ends its sessions, lifts a lockout)");

        admin.MapGet("/tokens", async (ApiTokenService service, UserManager<CityTwinUser> users) =>
        {
            var names = await users.Users.ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id);
            return TypedResults.Ok<IReadOnlyList<TokenView>>([.. (await service.ListAsync(null)).Select(t => TokenEndpoints.View(t, names.GetValueOrDefault(t.UserId, t.UserId)))]);
        }).WithSummary("Every API token of every account (never their secrets)");

        admin.MapDelete("/tokens/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, HttpContext http, ApiTokenService service) =>
        {
            if (await service.FindAsync(id) is not { } token)
                return TypedResults.Problem($"No token {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown token");
            await service.RevokeAsync(token);
            await http.AuditAsync(AuditActions.TokenRevoke, target: token.Id, detail: token.Name);
            return TypedResults.NoContent();
        }).WithSummary("Revoke any token; it stops working at once");

        admin.MapAuditEndpoints();
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> SetDisabledAsync(string userName, bool disabled, HttpContext http, UserManager<CityTwinUser> users)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return UnknownUser(userName);
        if (disabled && (await users.GetRolesAsync(user)).Contains(Roles.Admin) && await IsLastAdminAsync(users, user))
            return TypedResults.Problem("This is the last enabled administrator: make another first", statusCode: StatusCodes.Status409Conflict, title: "The last administrator");
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        // A new stamp ends its browser sessions at their next check; its tokens are refused at once.
        await users.UpdateSecurityStampAsync(user);
        await http.AuditAsync(disabled ? AuditActions.UserDisable : AuditActions.UserEnable, target: user.UserName);
        return TypedResults.Ok(await ViewAsync(users, user));
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<CityTwinUser> users, CityTwinUser user) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.Id != user.Id && !u.Disabled);

    private static void AddRoleErrors(string[]? roles, Dictionary<string, string[]> errors)
    {
        if (roles is null) return;
        for (var i = 0; i < roles.Length; i++)
            if (roles[i] is null || !Roles.IsKnown(roles[i])) errors[$"roles[{i}]"] = [$"Unknown role '{roles[i]}'; known: {string.Join(", ", Roles.All)}"];
    }

    private static ProblemHttpResult UnknownUser(string userName) =>
        TypedResults.Problem($"No account {userName}", statusCode: StatusCodes.Status404NotFound, title: "Unknown account");

    private static async Task<UserView> ViewAsync(UserManager<CityTwinUser> users, CityTwinUser u) =>
        new(u.UserName ?? u.Id, u.DisplayName, [.. (await users.GetRolesAsync(u)).Order()], u.Disabled,
            u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow, u.CreatedAtUtc, u.ExternalSubject is not null);
}
