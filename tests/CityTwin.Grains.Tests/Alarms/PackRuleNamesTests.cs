using CityTwin.Abstractions.Alarms;
using CityTwin.Grains.Alarms;
using CityTwin.Model.City;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>A rule book stored without names per language gets the pack's, without undoing anybody's edit.</summary>
public sealed class PackRuleNamesTests
{
    private static readonly IReadOnlyList<AlarmRule> Pack = AlarmRulePackReader.Load(CityPackLocator.Find("incheon")).Rules;

    [Fact]
    public void Pack_rules_stored_without_names_get_them_and_keep_their_version()
    {
        var flood = Pack.Single(r => r.Id == "flood-level-cm-high");
        var stored = new List<AlarmRule> { flood with { Names = null, Version = 4, Limit = 25 } };

        Assert.Equal(1, PackRuleNames.AddTo(stored, Pack));

        Assert.Equal("침수 센서: 수위 ≥ 30 cm", stored[0].NameIn("ko"));
        Assert.Equal(4, stored[0].Version);
        Assert.Equal(25, stored[0].Limit);
        Assert.NotSame(flood.Names, stored[0].Names);
    }

    [Fact]
    public void Renamed_rules_rules_with_names_of_their_own_and_rules_not_in_the_pack_are_left_alone()
    {
        var flood = Pack.Single(r => r.Id == "flood-level-cm-high");
        var own = new Dictionary<string, string> { ["en"] = flood.Name, ["ko"] = "우리 이름" };
        var stored = new List<AlarmRule>
        {
            flood with { Names = null, Name = "Underpass water" },
            Pack[1] with { Names = own },
            new() { Id = "made-here", Name = "Made here", Kind = "flood", Channel = "level_cm", Limit = 10 },
        };

        Assert.Equal(0, PackRuleNames.AddTo(stored, Pack));

        Assert.Null(stored[0].Names);
        Assert.Same(own, stored[1].Names);
        Assert.Null(stored[2].Names);
    }
}
