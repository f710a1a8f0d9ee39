using Akka.Event;
using LoomExchange.Clustering;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Cluster.Tests;

public sealed class AkkaLogLevelSpecs
{
    [Theory]
    [InlineData(null, LogLevel.InfoLevel)]
    [InlineData("", LogLevel.InfoLevel)]
    [InlineData("Debug", LogLevel.DebugLevel)]
    [InlineData("trace", LogLevel.DebugLevel)]
    [InlineData("Information", LogLevel.InfoLevel)]
    [InlineData("Warning", LogLevel.WarningLevel)]
    [InlineData(" Error ", LogLevel.ErrorLevel)]
    [InlineData("Critical", LogLevel.ErrorLevel)]
    public void The_logging_key_sets_akkas_own_filter(string? text, LogLevel expected) =>
        Assert.Equal(expected, AkkaLogLevel.From(text));

    [Fact]
    public void A_misspelt_level_names_the_key()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => AkkaLogLevel.From("Verbose"));
        Assert.Contains(AkkaLogLevel.ConfigurationKey, error.Message, StringComparison.Ordinal);
    }
}
