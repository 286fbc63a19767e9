namespace CityTwin.Web.Hosting;

/// <summary>Configuration section <c>Orleans</c> for the embedded (single-process) silo.</summary>
public sealed class EmbeddedSiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "citytwin";
    public string ServiceId { get; set; } = "citytwin";
}
