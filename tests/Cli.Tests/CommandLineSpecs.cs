using LoomExchange.Cli.Bench;

namespace LoomExchange.Cli.Tests;

public sealed class CommandLineSpecs
{
    [Fact]
    public void Should_parse_an_order_placement_with_its_options()
    {
        var result = Loomctl.Parse("order", "place", "BTC-USD", "buy", "0.5", "--price", "50000.25", "--tif", "ioc", "--post-only", "--client-order-id", "7", "--json");
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("order", "place", "BTC-USD", "hold", "1")]
    [InlineData("order", "place", "BTC-USD", "buy")]
    [InlineData("order", "place", "BTC-USD", "buy", "1", "--tif", "day")]
    [InlineData("order", "cancel", "BTC-USD", "not-a-number")]
    [InlineData("order", "place", "BTC-USD", "buy", "1", "--prise", "5")]
    public void Should_report_bad_arguments_as_parse_errors(params string[] args) =>
        Assert.NotEmpty(Loomctl.Parse(args).Errors);

    [Fact]
    public async Task Should_suggest_the_nearest_command_for_a_typo_and_exit_with_1()
    {
        var (exit, output, error) = await Loomctl.RunAsync("ordr", "place");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Did you mean", output + error, StringComparison.Ordinal);
        Assert.Contains("order", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("order", "--help")]
    [InlineData("order", "place", "--help")]
    [InlineData("order", "amend", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench-sessions", "--help")]
    public async Task Should_offer_help_everywhere(params string[] args)
    {
        var (exit, output, _) = await Loomctl.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_default_to_the_local_gateway_and_the_first_demo_key()
    {
        var result = Loomctl.Parse("order", "status", "BTC-USD", "1");

        Assert.Equal(["tcp://127.0.0.1:5081"], GlobalOptions.Endpoints(result));
        Assert.Equal(Environment.GetEnvironmentVariable(GlobalOptions.ApiKeyVariable) ?? "demo-1", result.GetValue(GlobalOptions.ApiKey));
    }

    [Fact]
    public void Should_resolve_bench_settings_with_a_closed_loop_by_default_and_rotate_demo_keys()
    {
        var settings = BenchCommand.ToSettings(Loomctl.Parse("bench", "--connections", "8", "--symbols", "BTC-USD, ETH-USD"));

        Assert.Equal((64, (double?)null, TimeSpan.FromSeconds(20)), (settings.Inflight!.Value, settings.Rate, settings.Duration!.Value));
        Assert.Equal(["BTC-USD", "ETH-USD"], settings.Symbols);
        if (Environment.GetEnvironmentVariable(GlobalOptions.ApiKeyVariable) is null)
        {
            Assert.Equal(("demo-1", "demo-2", "demo-4", "demo-1"), (settings.CredentialsFor(0).Key, settings.CredentialsFor(1).Key, settings.CredentialsFor(3).Key, settings.CredentialsFor(4).Key));
        }
    }

    [Fact]
    public void Should_use_one_key_for_every_bench_connection_when_one_is_given()
    {
        var settings = BenchCommand.ToSettings(Loomctl.Parse("bench", "--api-key", "k", "--secret", "s", "--rate", "1000", "--orders", "10"));

        Assert.Equal(("k", "s"), settings.CredentialsFor(5));
        Assert.Equal((null, 1000.0, 10L, (TimeSpan?)null), (settings.Inflight, settings.Rate, settings.Orders, settings.Duration));
    }

    [Theory]
    [InlineData("bench", "--inflight", "4", "--rate", "100")]
    [InlineData("bench", "--duration", "5s", "--orders", "100")]
    [InlineData("bench", "--connections", "0")]
    [InlineData("bench", "--duration", "soon")]
    [InlineData("bench", "--inflight", "4", "--ramp", "5s")]
    [InlineData("bench", "--rate", "100", "--ramp", "soon")]
    public void Should_refuse_contradictory_bench_options(params string[] args) =>
        Assert.Throws<UsageException>(() => BenchCommand.ToSettings(Loomctl.Parse(args)));

    [Fact]
    public async Task Should_exit_with_1_for_contradictory_bench_options()
    {
        var (exit, _, error) = await Loomctl.RunAsync("bench", "--inflight", "4", "--rate", "100");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }
}
