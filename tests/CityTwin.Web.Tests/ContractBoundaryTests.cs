namespace CityTwin.Web.Tests;

/// <summary>
/// The web app talks to grains through their contracts only: were it to compile against the grain
/// implementations, a change inside a grain could break the API without anyone touching it.
/// </summary>
public sealed class ContractBoundaryTests
{
    [Fact]
    public void The_web_assembly_does_not_reference_the_grain_implementations()
    {
        var referenced = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("CityTwin.Abstractions", referenced);
        Assert.DoesNotContain("CityTwin.Grains", referenced);
    }
}
