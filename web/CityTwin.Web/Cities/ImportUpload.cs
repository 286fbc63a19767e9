using CityTwin.Import;

namespace CityTwin.Web.Cities;

/// <summary>An upload saved to a temporary folder of its own, deleted when disposed.</summary>
public sealed class ImportUpload(CityImportRequest request, string directory, bool dryRun, string? templateId, IReadOnlyList<string> fileNames) : IDisposable
{
    public CityImportRequest Request { get; } = request;

    public bool DryRun { get; } = dryRun;

    public string? TemplateId { get; } = templateId;

    public IReadOnlyList<string> FileNames { get; } = fileNames;

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the OS cleans its temp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
