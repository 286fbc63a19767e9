using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// In a cluster the city is a deployment choice (every process loads the same pack): a web node
/// refuses a switch with 409 and says so, and the cluster keeps running its city.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CitySwitchClusterTests(LocalCluster cluster)
{
    [Fact]
    public async Task A_web_node_of_a_cluster_refuses_to_switch_the_city_and_explains_why()
    {
        using var admin = await cluster.CreateAdminClientAsync();
        var response = await admin.PostAsync("/api/cities/incheon/activate", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The city is a deployment choice in a cluster", problem.GetProperty("title").GetString());
        Assert.Contains("City:Path", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("incheon", (await admin.GetFromJsonAsync<JsonElement>("/api/city")).GetProperty("id").GetString());
        Assert.False(cluster.Web.HasExited);
    }
}
