namespace CityTwin.Model.City;

/// <summary>
/// Finds a city pack directory: an explicit path (City:Path) wins; else the copy shipped beside the program
/// (data/cities/NAME); else the repository's data folder found by walking up from the working directory.
/// </summary>
public static class CityPackLocator
{
    public static string Find(string cityName, string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (Directory.Exists(explicitPath)) return Path.GetFullPath(explicitPath);
            throw new CityPackException(explicitPath, null, "the city pack folder set in City:Path does not exist");
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "data", "cities", cityName);
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "cities", cityName);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new CityPackException($"data/cities/{cityName}", null, "city pack not found beside the program or above the working directory");
    }
}
