using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CityTwin.Web.Tests;

/// <summary>Records the warnings a running host logs while it is attached, to check what operators see.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private volatile bool _recording = true;

    public ConcurrentQueue<(string Category, string Message)> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <summary>Stops recording: a logger factory keeps its providers for the host's lifetime.</summary>
    public void Dispose() => _recording = false;

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner._recording && logLevel == LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Warnings.Enqueue((category, formatter(state, exception)));
        }
    }
}
