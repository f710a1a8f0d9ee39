using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>Warnings and errors of the nodes (Akka's included) in the test's output, where a failing spec's reader looks.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, string node) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, node, categoryName);

    public void Dispose()
    {
    }

    private sealed class OutputLogger(ITestOutputHelper output, string node, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{node}] {logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; a node stopping late has nowhere to write.
            }
        }
    }
}
