using LoomExchange.Clustering;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Cluster.Tests;

public sealed class ConfigurationErrorExitSpecs
{
    [Fact]
    public async Task Should_return_the_programs_own_exit_code_when_it_runs()
    {
        Assert.Equal(7, await ConfigurationErrorExit.RunAsync("loom-test", () => Task.FromResult(7)));
    }

    [Fact]
    public async Task Should_report_a_configuration_error_found_inside_other_exceptions_as_one_line_and_exit_code_2()
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            // Hosted services and the actor system wrap what they throw.
            var exitCode = await ConfigurationErrorExit.RunAsync("loom-test", () => throw new AggregateException(
                new InvalidOperationException("start failed", new InvalidConfigurationException("Loom:X 0 must be positive"))));

            Assert.Equal(ConfigurationErrorExit.ExitCode, exitCode);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal("loom-test: configuration error: Loom:X 0 must be positive" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task Should_let_any_other_failure_escape_as_the_crash_it_is()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigurationErrorExit.RunAsync("loom-test", () => throw new InvalidOperationException("a bug")));
    }
}
