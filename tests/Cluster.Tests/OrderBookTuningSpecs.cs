using LoomExchange.Messages.Configuration;
using LoomExchange.Node.Configuration;

namespace LoomExchange.Cluster.Tests;

public sealed class OrderBookTuningSpecs
{
    [Fact]
    public void Should_accept_the_defaults() => new OrderBookTuning().Validate();

    [Fact]
    public void Should_refuse_a_non_positive_value_and_name_every_key_at_fault()
    {
        var tuning = new OrderBookTuning { MaxWritesInFlight = 0, DedupCapacity = -5 };

        var error = Assert.Throws<InvalidConfigurationException>(tuning.Validate);

        Assert.Contains("Loom:OrderBook:MaxWritesInFlight 0 must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Loom:OrderBook:DedupCapacity -5 must be positive", error.Message, StringComparison.Ordinal);
    }
}
