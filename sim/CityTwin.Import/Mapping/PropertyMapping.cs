namespace CityTwin.Import.Mapping;

/// <summary>The mapping of every layer of an import, read from a mapping file or a form.</summary>
public sealed record PropertyMapping(
    LayerMapping Gu,
    LayerMapping Dong,
    LayerMapping Buildings,
    LayerMapping Roads,
    LevelSplit? Level = null)
{
    public static PropertyMapping Default { get; } = new(LayerMapping.Empty, LayerMapping.Empty, LayerMapping.Empty, LayerMapping.Empty);
}
