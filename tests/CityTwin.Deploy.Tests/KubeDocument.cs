namespace CityTwin.Deploy.Tests;

/// <summary>One Kubernetes object and the file it came from.</summary>
public sealed record KubeDocument(string File, Dictionary<string, object?> Body)
{
    public string Kind => Yaml.Scalar(Body, "kind", File);

    public string Name => Yaml.Scalar(Yaml.Map(Body, "metadata", File), "name", $"{File} {Kind}");
}
