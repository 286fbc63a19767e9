using System.Diagnostics;

namespace CityTwin.Benchmarks;

/// <summary>
/// A child process of this benchmark program driven line by line over stdin/stdout (see
/// <see cref="ClientsServerChild"/>): its answers are read in order, anything else it prints is
/// echoed. Only the child it started is ever killed.
/// </summary>
public sealed class ServerChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private bool _disposed;

    private ServerChild(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Pid => _process.Id;

    public static ServerChild Start(IEnumerable<string> arguments)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") info.ArgumentList.Add(typeof(ServerChild).Assembly.Location);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        return new ServerChild(Process.Start(info) ?? throw new InvalidOperationException($"could not start {exe}"));
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/> and returns it.</summary>
    public async Task<string> ExpectAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
                Console.WriteLine($"  | {line}");
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the server process did not answer '{prefix}…' within {timeout.TotalSeconds} s");
        }
        throw new InvalidOperationException($"the server process ended before answering '{prefix}…': {await _stderr}");
    }

    public async Task<string> AskAsync(string command, string answerPrefix, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ExpectAsync(answerPrefix, timeout);
    }

    /// <summary>Resident memory now (VmRSS, no collection first), read from outside the process.</summary>
    public double ResidentMb()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                await AskAsync("quit", "bye", TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
