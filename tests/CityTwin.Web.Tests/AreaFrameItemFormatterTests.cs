using CityTwin.Web.Live;
using MessagePack;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Tests;

/// <summary>The encode-once <c>districts</c> item writes what the hub protocol's own resolver writes.</summary>
public sealed class AreaFrameItemFormatterTests
{
    private static readonly AreaFrameItem Item = new("2818563000", "dong", new Dictionary<string, double>
    {
        ["trafficSpeedKmh"] = 31.25,
        ["pm25"] = 17,
        ["energyKwh"] = -0.5,
        ["lightsOnShare"] = 1e-9,
    });

    [Fact]
    public void Encodes_the_same_map_as_the_default_resolver()
    {
        var standard = MessagePackSerializer.Serialize<IReadOnlyList<AreaFrameItem>>([Item, Item], new MessagePackHubProtocolOptions().SerializerOptions);
        var options = new MessagePackHubProtocolOptions();
        AreaFrameItemFormatter.Configure(options);
        var shared = MessagePackSerializer.Serialize<IReadOnlyList<AreaFrameItem>>([Item, Item], options.SerializerOptions);

        Assert.Equal(MessagePackSerializer.ConvertToJson(standard), MessagePackSerializer.ConvertToJson(shared));
        Assert.Contains("\"trafficSpeedKmh\":31.25", MessagePackSerializer.ConvertToJson(shared), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var options = new MessagePackHubProtocolOptions();
        AreaFrameItemFormatter.Configure(options);
        var back = MessagePackSerializer.Deserialize<AreaFrameItem>(MessagePackSerializer.Serialize(Item, options.SerializerOptions), options.SerializerOptions);
        Assert.NotNull(back);
        Assert.Equal(Item.Code, back.Code);
        Assert.Equal(Item.Level, back.Level);
        Assert.Equal(Item.Kpis, back.Kpis);
    }
}
