using CityTwin.Abstractions.Assets;
using CityTwin.Model.Specs;

namespace CityTwin.Model.City;

/// <summary>
/// One asset of the city as generated from the pack. <see cref="Index"/> is its position in
/// <see cref="CityCatalog.Assets"/> (stable for a given pack and seed): hot paths use it instead of the id.
/// </summary>
public sealed record AssetDescriptor(
    int Index,
    string Id,
    AssetKind Kind,
    double Lon,
    double Lat,
    string GuCode,
    string DongCode,
    bool Synthetic,
    string? Name,
    AssetSpec Spec);
