using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>A building from a real footprint: floor area from footprint × floors, EUI-based design peak.</summary>
public sealed record BuildingSpec(
    double FootprintM2,
    double HeightM,
    int Floors,
    double FloorAreaM2,
    BuildingUse Use,
    int Occupants,
    double DesignPeakKw,
    double PvKwp) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["use"] = Use.ToString().ToLowerInvariant(),
        ["floors"] = Floors.ToString(CultureInfo.InvariantCulture),
        ["heightM"] = HeightM.ToString("0.#", CultureInfo.InvariantCulture),
        ["footprintM2"] = FootprintM2.ToString("0", CultureInfo.InvariantCulture),
        ["floorAreaM2"] = FloorAreaM2.ToString("0", CultureInfo.InvariantCulture),
        ["occupants"] = Occupants.ToString(CultureInfo.InvariantCulture),
        ["designPeakKw"] = DesignPeakKw.ToString("0", CultureInfo.InvariantCulture),
        ["pvKwp"] = PvKwp.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
