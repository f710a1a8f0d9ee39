using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Gateway.Tests;

/// <summary>Configuration checks at start: the production profile refuses demo keys and an empty key list; bad values are named.</summary>
public sealed class GatewayOptionsSpecs
{
    [Fact]
    public void Should_accept_demo_keys_in_development()
    {
        var options = new GatewayOptions { ApiKeys = [Demo()] };

        options.Validate("development");
    }

    [Fact]
    public void Should_refuse_demo_keys_in_production()
    {
        var options = new GatewayOptions { ApiKeys = [Demo(), new ApiKeyOptions { Key = "real", Secret = "s3cret", AccountId = 7 }] };

        var error = Assert.Throws<InvalidConfigurationException>(() => options.Validate("production"));
        Assert.Contains("demo key 'demo-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_start_in_production_without_keys()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => new GatewayOptions().Validate("production"));

        Assert.Contains("ApiKeys is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_real_keys_in_production()
    {
        new GatewayOptions { ApiKeys = [new ApiKeyOptions { Key = "real", Secret = "s3cret", AccountId = 7 }] }.Validate("Production");
    }

    [Fact]
    public void Should_name_every_invalid_value()
    {
        var options = new GatewayOptions
        {
            MaxFrameBytes = 10,
            DefaultHeartbeatMs = 100,
            RequestResendMs = -1,
            BlockedAddresses = ["not-an-ip"],
            Tcp = new TcpEdgeOptions { Edge = "netty" },
            ApiKeys = [Demo(), Demo()],
        };

        var error = Assert.Throws<InvalidConfigurationException>(() => options.Validate("staging")).Message;
        foreach (var part in new[] { "Loom:Profile 'staging'", "MaxFrameBytes 10", "DefaultHeartbeatMs 100", "RequestResendMs -1", "'not-an-ip'", "Edge 'netty'", "listed twice" })
        {
            Assert.Contains(part, error, StringComparison.Ordinal);
        }
    }

    private static ApiKeyOptions Demo() => new() { Key = "demo-1", Secret = "demo-secret-1", AccountId = 1001, Demo = true };
}
