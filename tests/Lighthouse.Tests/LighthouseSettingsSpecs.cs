using LoomExchange.Messages.Configuration;
using Microsoft.Extensions.Configuration;

namespace LoomExchange.Lighthouse.Tests;

public sealed class LighthouseSettingsSpecs
{
    private static LighthouseSettings From(params (string Key, string Value)[] values) =>
        LighthouseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Should_default_to_system_loom_on_loopback_port_4053_joining_itself()
    {
        var settings = From();

        Assert.Equal(("loom", "127.0.0.1", 4053), (settings.SystemName, settings.Host, settings.Port));
        Assert.Empty(settings.Seeds);
        Assert.Equal("akka.tcp://loom@127.0.0.1:4053", settings.SelfAddress);
    }

    [Fact]
    public void Should_read_the_lighthouse_environment_names_before_the_loom_keys()
    {
        var settings = From(
            ("ACTORSYSTEM", "exchange"),
            ("CLUSTER_IP", "10.0.0.5"),
            ("CLUSTER_PORT", "4099"),
            ("CLUSTER_SEEDS", "akka.tcp://exchange@10.0.0.5:4099, akka.tcp://exchange@10.0.0.6:4099"),
            ("Loom:Cluster:SystemName", "ignored"),
            ("Loom:Cluster:Port", "1"));

        Assert.Equal(("exchange", "10.0.0.5", 4099), (settings.SystemName, settings.Host, settings.Port));
        Assert.Equal(["akka.tcp://exchange@10.0.0.5:4099", "akka.tcp://exchange@10.0.0.6:4099"], settings.Seeds);
    }

    [Fact]
    public void Should_fall_back_to_the_loom_cluster_keys()
    {
        var settings = From(("Loom:Cluster:Host", "0.0.0.0"), ("Loom:Cluster:Port", "4060"), ("Loom:Cluster:Seeds:0", "akka.tcp://loom@lh-0:4053"));

        Assert.Equal(("0.0.0.0", 4060), (settings.Host, settings.Port));
        Assert.Equal(["akka.tcp://loom@lh-0:4053"], settings.Seeds);
    }

    [Theory]
    [InlineData("CLUSTER_PORT", "forty", "is not a port number")]
    [InlineData("CLUSTER_PORT", "70000", "is not a port number")]
    [InlineData("CLUSTER_SEEDS", "akka.tcp://other@127.0.0.1:4053", "is not an address of actor system 'loom'")]
    public void Should_refuse_settings_that_cannot_work_with_a_clear_message(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => From((key, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
