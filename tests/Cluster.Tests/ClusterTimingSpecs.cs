using LoomExchange.Clustering;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Cluster.Tests;

public sealed class ClusterTimingSpecs
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("00:00:03", 3000)]
    public void Durations_read_as_operators_write_them(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationText.Parse(text, "key"));

    [Theory]
    [InlineData("fast")]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("10 parsecs")]
    public void A_bad_duration_names_its_key(string text)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => DurationText.Parse(text, "Loom:Cluster:SplitBrain:StableAfter"));
        Assert.Contains("Loom:Cluster:SplitBrain:StableAfter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_become_akka_settings_with_the_margin_equal_to_stable_after()
    {
        var config = ClusterTiming.From(new FailureDetectorSettings(), new SplitBrainSettings()).ToConfig();

        Assert.Equal("Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster", config.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("akka.cluster.down-removal-margin"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(8.0, config.GetDouble("akka.cluster.failure-detector.threshold"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.cluster.unreachable-nodes-reaper-interval"));
        Assert.Equal(ClusterTiming.DispatcherId, config.GetString("akka.cluster.use-dispatcher"));
        Assert.Equal("ForkJoinDispatcher", config.GetString(ClusterTiming.DispatcherId + ".type"));
    }

    [Fact]
    public void Every_setting_can_be_changed()
    {
        var timing = ClusterTiming.From(
            new FailureDetectorSettings { HeartbeatInterval = "2s", AcceptableHeartbeatPause = "10s", Threshold = 12 },
            new SplitBrainSettings { Strategy = "static-quorum", QuorumSize = 2, StableAfter = "20s", DownRemovalMargin = "5s", Role = "exchange" });
        var config = timing.ToConfig();

        Assert.Equal("static-quorum", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(2, config.GetInt("akka.cluster.split-brain-resolver.static-quorum.quorum-size"));
        Assert.Equal("exchange", config.GetString("akka.cluster.split-brain-resolver.static-quorum.role"));
        Assert.Equal(TimeSpan.FromSeconds(20), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.cluster.down-removal-margin"));
        Assert.Equal(12.0, config.GetDouble("akka.cluster.failure-detector.threshold"));

        // Housekeeping follows the heartbeat but never slower than Akka's own 1 s.
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.gossip-interval"));
    }

    [Theory]
    [InlineData("1s", "500ms", "keep-majority", "AcceptableHeartbeatPause")]
    [InlineData("10ms", "1s", "keep-majority", "HeartbeatInterval")]
    [InlineData("250ms", "1s", "keep-everything", "Strategy")]
    [InlineData("250ms", "1s", "static-quorum", "QuorumSize")]
    public void Settings_that_cannot_work_are_refused_by_name(string heartbeat, string pause, string strategy, string key)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => ClusterTiming.From(
            new FailureDetectorSettings { HeartbeatInterval = heartbeat, AcceptableHeartbeatPause = pause },
            new SplitBrainSettings { Strategy = strategy }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
