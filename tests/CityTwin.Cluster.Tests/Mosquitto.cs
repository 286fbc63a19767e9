using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using CityTwin.Testing;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// The city's broker for a test: Debian's Mosquitto (installed by scripts/prerequisites.sh), started
/// by the test on a free loopback port with a configuration of its own, never as the system service.
/// </summary>
public sealed class Mosquitto : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private Mosquitto(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<Mosquitto> StartAsync()
    {
        const string binary = "/usr/sbin/mosquitto";
        if (!File.Exists(binary)) throw new FileNotFoundException("Mosquitto is not installed: run bash scripts/prerequisites.sh", binary);
        var port = FreePort.Next();
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-mosquitto-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "mosquitto.conf");
        // Devices on the test broker need no account: device authentication is the city broker's business.
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture,
            $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stdout\n"));
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start mosquitto");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var broker = new Mosquitto(process, directory, port);
        await Wait.UntilAsync(() => broker.Accepts(), TimeSpan.FromSeconds(30), $"mosquitto listening on {port}");
        return broker;
    }

    private bool Accepts()
    {
        if (_process.HasExited) throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}");
        try
        {
            using var tcp = new TcpClient();
            tcp.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind harms nothing
        }
    }
}
