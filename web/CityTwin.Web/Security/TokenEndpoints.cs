using System.Security.Claims;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CityTwin.Web.Security;

/// <summary>One's own API tokens (<c>/api/account/tokens</c>): list, create (secret shown once), revoke.</summary>
public static class TokenEndpoints
{
    public const int MaxExpiryDays = 3650;

    public static void MapTokenEndpoints(this RouteGroupBuilder account)
    {
        var tokens = account.MapGroup("/tokens").RequireAuthorization(Policies.SignedIn);

        tokens.MapGet("/", async (HttpContext http, ApiTokenService service, UserManager<CityTwinUser> users) =>
        {
            var id = users.GetUserId(http.User)!;
            var name = http.User.Identity!.Name!;
            return TypedResults.Ok<IReadOnlyList<TokenView>>([.. (await service.ListAsync(id)).Select(t => View(t, name))]);
        }).WithSummary("The caller's API tokens (never their secrets)");

        tokens.MapPost("/", async Task<Results<Created<CreatedTokenResponse>, ValidationProblem>> (
            CreateTokenRequest? request, HttpContext http, ApiTokenService service, UserManager<CityTwinUser> users, TimeProvider time) =>
        {
            // A token made with a token could outlive the revocation of the first: only a person in a session makes tokens.
            if (http.User.FindFirst(AuthSchemes.TokenIdClaim) is not null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Tokens are made in a signed-in session, not with another token"] });
            var errors = Validate(request, http.User);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The token was not created");
            var user = await users.GetUserAsync(http.User) ?? throw new InvalidOperationException("signed in without an account");
            DateTime? expires = request!.ExpiresInDays is { } days ? time.GetUtcNow().UtcDateTime.AddDays(days) : null;
            var (token, secret) = await service.CreateAsync(user.Id, request.Name!.Trim(), request.Scopes!, expires);
            await http.AuditAsync(AuditActions.TokenCreate, target: token.Id, detail: $"{token.Name}: {token.Scopes}");
            return TypedResults.Created($"/api/account/tokens/{token.Id}", new CreatedTokenResponse(View(token, user.UserName!), secret));
        }).WithSummary("Create an API token with scopes the caller holds; the answer carries the secret, shown once");

        tokens.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, HttpContext http, ApiTokenService service, UserManager<CityTwinUser> users) =>
        {
            var token = await service.FindAsync(id);
            if (token is null || token.UserId != users.GetUserId(http.User))
                return TypedResults.Problem($"You have no token {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown token");
            await service.RevokeAsync(token);
            await http.AuditAsync(AuditActions.TokenRevoke, target: token.Id, detail: token.Name);
            return TypedResults.NoContent();
        }).WithSummary("Revoke one of the caller's tokens; it stops working at once");
    }

    public static TokenView View(ApiToken t, string owner) =>
        new(t.Id, t.Name, owner, t.ScopeList, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc, t.IsUsableAt(DateTime.UtcNow));

    private static Dictionary<string, string[]> Validate(CreateTokenRequest? request, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Trim().Length > 100) errors["name"] = ["Name the token (1 to 100 characters), e.g. 'flood sensors feed'"];
        if (request?.Scopes is not { Length: > 0 } scopes)
        {
            errors["scopes"] = [$"Give one or more scopes: {string.Join(", ", TokenScopes.All)}"];
            return errors;
        }
        for (var i = 0; i < scopes.Length; i++)
        {
            var scope = scopes[i];
            if (scope is null || !TokenScopes.IsKnown(scope)) errors[$"scopes[{i}]"] = [$"Unknown scope '{scope}'; known: {string.Join(", ", TokenScopes.All)}"];
            else if (!user.IsInRole(Roles.Admin) && (!Roles.IsKnown(scope) || !user.IsInRole(scope)))
                errors[$"scopes[{i}]"] = [$"You do not hold '{scope}': a token cannot do more than its owner"];
        }
        if (request.ExpiresInDays is { } days && (days < 1 || days > MaxExpiryDays)) errors["expiresInDays"] = [$"Between 1 and {MaxExpiryDays} days, or leave it out for no expiry"];
        return errors;
    }
}
