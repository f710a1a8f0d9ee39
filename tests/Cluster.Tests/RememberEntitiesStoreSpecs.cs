using Akka.Cluster.Sharding;
using LoomExchange.Messages.Configuration;
using LoomExchange.Node.Hosting;

namespace LoomExchange.Cluster.Tests;

/// <summary><c>Loom:Cluster:RememberEntitiesStore</c> picks where sharding remembers each shard's books.</summary>
public sealed class RememberEntitiesStoreSpecs
{
    [Theory]
    [InlineData("ddata", RememberEntitiesStore.DData)]
    [InlineData("DData", RememberEntitiesStore.DData)]
    [InlineData(" eventsourced ", RememberEntitiesStore.Eventsourced)]
    public void Each_documented_value_selects_its_store(string value, RememberEntitiesStore expected) =>
        Assert.Equal(expected, ExchangeHosting.RememberEntitiesStoreFrom(value));

    [Theory]
    [InlineData("persistence")]
    [InlineData("")]
    public void Any_other_value_fails_the_start_and_names_the_key(string value)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => ExchangeHosting.RememberEntitiesStoreFrom(value));
        Assert.Contains("Loom:Cluster:RememberEntitiesStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_the_journaled_store_that_survives_a_full_restart()
    {
        var settings = new LoomExchange.Node.Configuration.ClusterSettings();
        Assert.Equal(RememberEntitiesStore.Eventsourced, ExchangeHosting.RememberEntitiesStoreFrom(settings.RememberEntitiesStore));
    }
}
