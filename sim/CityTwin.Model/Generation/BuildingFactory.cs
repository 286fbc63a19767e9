using CityTwin.Model.Specs;

namespace CityTwin.Model.Generation;

/// <summary>
/// Turns a footprint, a height and a name into a building: floors, use class, occupants, design
/// peak and rooftop PV. Deterministic: the same inputs and random stream give the same building.
/// </summary>
public static class BuildingFactory
{
    private const double StoreyHeightM = 3.3;

    /// <summary>Energy use intensity, kWh/m²·yr (MOLIT 2024 medians, central region; others estimated).</summary>
    public static double EuiKwhPerM2(BuildingUse use) => use switch
    {
        BuildingUse.Residential => 136,
        BuildingUse.Office => 159,
        BuildingUse.Commercial => 220,
        BuildingUse.Education => 110,
        BuildingUse.Public => 150,
        BuildingUse.Industrial => 250,
        _ => 150,
    };

    /// <summary>Floor area per occupant, m² (residential per resident, others per daytime user).</summary>
    private static double M2PerOccupant(BuildingUse use) => use switch
    {
        BuildingUse.Residential => 35,
        BuildingUse.Office => 15,
        BuildingUse.Commercial => 25,
        BuildingUse.Education => 10,
        BuildingUse.Public => 30,
        _ => 60,
    };

    public static BuildingSpec Create(double footprintM2, double heightM, string? name, Random random)
    {
        var floors = Math.Max(1, (int)Math.Round(heightM / StoreyHeightM));
        var floorArea = footprintM2 * floors;
        var use = ClassifyUse(name, heightM, floors, random);
        var occupants = (int)Math.Round(floorArea / M2PerOccupant(use));
        // Design peak: mean demand (EUI × area / 8760 h) times a load factor of ~2.5 typical of
        // Korean buildings whose peak is summer cooling.
        var designPeakKw = floorArea * EuiKwhPerM2(use) / 8760.0 * 2.5;
        // About 15 % of roofs carry PV: half of the roof usable, 0.18 kWp per m² of panel.
        var pvKwp = random.NextDouble() < 0.15 ? Math.Round(footprintM2 * 0.5 * 0.18, 1) : 0;
        return new BuildingSpec(
            Math.Round(footprintM2, 1), heightM, floors, Math.Round(floorArea, 1), use, occupants,
            Math.Round(Math.Max(designPeakKw, 1), 1), pvKwp);
    }

    /// <summary>
    /// Use from the OSM name where it says so, else from form: Songdo's towers above 20 storeys are
    /// mostly apartments, mid-rise blocks a mix of offices and shops, low buildings mixed.
    /// </summary>
    public static BuildingUse ClassifyUse(string? name, double heightM, int floors, Random random)
    {
        var u = random.NextDouble();
        if (!string.IsNullOrWhiteSpace(name))
        {
            var n = name.ToLowerInvariant();
            if (ContainsAny(n, "학교", "school", "대학", "universit", "campus", "유치원", "kindergarten", "college")) return BuildingUse.Education;
            if (ContainsAny(n, "아파트", "apt", "apartment", "푸르지오", "자이", "더샵", "힐스테이트", "e편한", "래미안", "residence", "레지던스")) return BuildingUse.Residential;
            if (ContainsAny(n, "센터", "center", "centre", "청", "office", "타워", "tower", "빌딩", "building", "오피스")) return BuildingUse.Office;
            if (ContainsAny(n, "마트", "mall", "몰", "상가", "market", "hotel", "호텔", "outlet", "아울렛", "plaza", "플라자")) return BuildingUse.Commercial;
            if (ContainsAny(n, "교회", "church", "병원", "hospital", "도서관", "library", "주민센터", "소방", "경찰", "museum", "박물관")) return BuildingUse.Public;
            if (ContainsAny(n, "공장", "factory", "창고", "warehouse", "물류")) return BuildingUse.Industrial;
        }
        if (floors >= 20) return u < 0.8 ? BuildingUse.Residential : BuildingUse.Office;
        if (floors >= 6) return u < 0.45 ? BuildingUse.Residential : u < 0.75 ? BuildingUse.Office : BuildingUse.Commercial;
        return u < 0.35 ? BuildingUse.Commercial : u < 0.6 ? BuildingUse.Residential : u < 0.75 ? BuildingUse.Public : u < 0.85 ? BuildingUse.Education : BuildingUse.Industrial;
    }

    private static bool ContainsAny(string text, params string[] words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
