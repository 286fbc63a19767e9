using CityTwin.Import;
using CityTwin.Import.Model;

namespace CityTwin.Web.Cities;

/// <summary>
/// Runs one import at a time, off the request thread (reading, repairing and loading a city takes
/// seconds of CPU). A second import while one runs is told to wait rather than queued. Whatever a
/// hostile file makes a foreign reader throw ends as problems, never as a 5xx.
/// </summary>
public sealed class CityImportRunner(ILogger<CityImportRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record Outcome(ImportedCity? City, IReadOnlyList<ImportProblem>? Problems, bool Busy);

    public async Task<Outcome> RunAsync(Func<ImportedCity> import, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken)) return new(null, null, Busy: true);
        try
        {
            return new(await Task.Run(import, cancellationToken), null, false);
        }
        catch (CityImportException ex)
        {
            return new(null, ex.Problems, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The readers of foreign formats can fail in ways no list of exception types covers; it is the file's fault.
            logger.LogWarning(ex, "An import failed on an unexpected error");
            return new(null, [new ImportProblem("upload", null, $"the files could not be imported: {ex.Message}")], false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes the import slot for a city switch: false while an import runs. Held until the host
    /// stops (no import may write into a twin that is going away), or given back by <see cref="Reopen"/>.
    /// </summary>
    public bool TryClose() => _gate.Wait(0);

    /// <summary>Gives the slot back after a switch that did not go ahead.</summary>
    public void Reopen() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
