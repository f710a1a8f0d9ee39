using LoomExchange.Messages.Configuration;
using LoomExchange.Node.Hosting;

namespace LoomExchange.Cluster.Tests;

/// <summary>Seeds are joined only after the persistence warm-up, so a bad one must fail the start, not the later join.</summary>
public sealed class SeedAddressSpecs
{
    [Fact]
    public void A_seed_is_read_as_an_akka_address()
    {
        var address = ExchangeHosting.SeedAddress("akka.tcp://loom@10.0.0.5:4053");
        Assert.Equal("loom", address.System);
        Assert.Equal("10.0.0.5", address.Host);
        Assert.Equal(4053, address.Port);
    }

    [Theory]
    [InlineData("10.0.0.5:4053")]
    [InlineData("lighthouse")]
    [InlineData("")]
    public void A_bad_seed_fails_the_start_and_names_the_key(string seed)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => ExchangeHosting.SeedAddress(seed));
        Assert.Contains("Loom:Cluster:Seeds", error.Message, StringComparison.Ordinal);
    }
}
