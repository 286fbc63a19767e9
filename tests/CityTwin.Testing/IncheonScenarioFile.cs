namespace CityTwin.Testing;

/// <summary>
/// A scenario made in Incheon, in the request shape <c>POST /api/scenarios</c> takes: two
/// interventions on the whole city (they carry over to any city) and three on Incheon's own places
/// (Yeonsu-gu, Songdo 1-dong, a polygon in Yeonsu-gu north of the fixture city), which another city lacks.
/// </summary>
public static class IncheonScenarioFile
{
    public const string Yeonsu = "28185";
    public const string Songdo1 = "2818563000";

    public static object Request(string name = "LED, solar and a Yeonsu-gu congestion charge") => new
    {
        name,
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours = 2,
        stepMinutes = 60,
        interventions = new object[]
        {
            new { type = "led-retrofit", target = new { kind = "city" } },
            new { type = "congestion-charge", target = new { kind = "gu", codes = new[] { Yeonsu } } },
            new { type = "rooftop-solar", target = new { kind = "city" } },
            new { type = "green-roofs", target = new { kind = "dong", codes = new[] { Songdo1 } } },
            new { type = "streetlight-dimming", target = new { kind = "polygon", polygon = new[] { new[] { 126.69, 37.44 }, new[] { 126.72, 37.44 }, new[] { 126.72, 37.47 } } } },
        },
    };

    /// <summary>The file a planner takes from Incheon (what <c>GET /api/scenarios/{id}/export/definition.json</c> writes).</summary>
    public static object File() => new { format = "citytwin-scenario/1", city = "incheon", scenario = Request() };
}
