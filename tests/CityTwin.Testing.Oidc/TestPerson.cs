namespace CityTwin.Testing.Oidc;

/// <summary>
/// Who "logs in" at the test provider's next authorisation request, as a city's provider would
/// describe them: a stable subject, a user name, a display name and the groups they are in.
/// </summary>
/// <param name="Groups">Sent as the <c>roles</c> claim (a JSON array when there are several).</param>
/// <param name="GroupsOnlyInUserInfo">
/// Leave the groups out of the id_token and give them at the userinfo endpoint only, as some
/// providers do (e.g. Keycloak's mappers with "add to ID token" off).
/// </param>
public sealed record TestPerson(string Subject, string UserName, string Name, IReadOnlyList<string> Groups, bool GroupsOnlyInUserInfo = false)
{
    /// <summary>A new person (fresh subject and user name) in <paramref name="groups"/>.</summary>
    public static TestPerson New(params string[] groups)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new TestPerson($"subject-{id}", $"person-{id}", $"Person {id}", groups);
    }
}
