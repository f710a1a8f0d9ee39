using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>The figures of one chaos run; the last stdout line is <see cref="SummaryLine"/>.</summary>
internal sealed record ChaosResult
{
    [JsonPropertyName("kills")]
    public int Kills { get; init; }

    [JsonPropertyName("kills_asked")]
    public int KillsAsked { get; init; }

    /// <summary>Median over kills of the killed node's books serving again (kills of a node hosting no book excluded).</summary>
    [JsonPropertyName("failover_p50_s")]
    public double? FailoverP50Seconds { get; init; }

    [JsonPropertyName("failover_max_s")]
    public double? FailoverMaxSeconds { get; init; }

    /// <summary>Median over kills of the first of the killed node's books acknowledging again (the literal measure).</summary>
    [JsonPropertyName("first_book_p50_s")]
    public double? FirstBookP50Seconds { get; init; }

    [JsonPropertyName("first_book_max_s")]
    public double? FirstBookMaxSeconds { get; init; }

    [JsonPropertyName("acked")]
    public long Acked { get; init; }

    [JsonPropertyName("lost")]
    public long Lost { get; init; }

    [JsonPropertyName("duplicated")]
    public long Duplicated { get; init; }

    [JsonPropertyName("requests")]
    public long Requests { get; init; }

    [JsonPropertyName("unanswered")]
    public long Unanswered { get; init; }

    [JsonPropertyName("outcome_unknown")]
    public long OutcomeUnknown { get; init; }

    [JsonPropertyName("lost_acknowledged")]
    public long LostAcknowledged { get; init; }

    [JsonPropertyName("lost_trades")]
    public long LostTrades { get; init; }

    [JsonPropertyName("duplicate_commands")]
    public long DuplicateCommands { get; init; }

    [JsonPropertyName("duplicate_events")]
    public long DuplicateEvents { get; init; }

    [JsonPropertyName("duplicate_trades")]
    public long DuplicateTrades { get; init; }

    [JsonPropertyName("different_answers")]
    public long DifferentAnswers { get; init; }

    [JsonPropertyName("hashes_match")]
    public bool HashesMatch { get; init; }

    [JsonPropertyName("books")]
    public IReadOnlyList<BookCheck> Books { get; init; } = [];

    [JsonPropertyName("kill_details")]
    public IReadOnlyList<KillRecord> KillDetails { get; init; } = [];

    [JsonPropertyName("suspicions")]
    public ClusterSuspicions Suspicions { get; init; } = new();

    [JsonPropertyName("problems")]
    public IReadOnlyList<string> Problems { get; init; } = [];

    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every promise kept: nothing lost or duplicated, every book's replay equals its live state, every kill done.</summary>
    [JsonIgnore]
    public bool Passed => Lost == 0 && Duplicated == 0 && HashesMatch && Kills == KillsAsked;

    public static ChaosResult From(Verification v, IReadOnlyList<KillRecord> kills, int killsAsked, IReadOnlyDictionary<string, string> settings)
    {
        var measured = kills.Where(k => k.Symbols is not { Count: 0 }).ToList();
        var failovers = measured.Select(k => k.FailoverSeconds ?? double.PositiveInfinity).Order().ToList();
        var firsts = measured.Select(k => k.FirstBookSeconds ?? double.PositiveInfinity).Order().ToList();
        return new ChaosResult
        {
            Kills = kills.Count,
            KillsAsked = killsAsked,
            FailoverP50Seconds = failovers.Count == 0 ? null : failovers[(failovers.Count - 1) / 2],
            FailoverMaxSeconds = failovers.Count == 0 ? null : failovers[^1],
            FirstBookP50Seconds = firsts.Count == 0 ? null : firsts[(firsts.Count - 1) / 2],
            FirstBookMaxSeconds = firsts.Count == 0 ? null : firsts[^1],
            Acked = v.Acknowledged,
            Lost = v.Lost,
            Duplicated = v.Duplicated,
            Requests = v.Requests,
            Unanswered = v.Unanswered,
            OutcomeUnknown = v.OutcomeUnknown,
            LostAcknowledged = v.LostAcknowledged,
            LostTrades = v.LostTrades,
            DuplicateCommands = v.DuplicateCommands,
            DuplicateEvents = v.DuplicateEvents,
            DuplicateTrades = v.DuplicateTrades,
            DifferentAnswers = v.DifferentAnswers,
            HashesMatch = v.HashesMatch,
            Books = v.Books,
            KillDetails = kills,
            Problems = v.Problems,
            Settings = settings,
        };
    }

    public string SummaryLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"chaos kills={Kills} failover_p50_s={Seconds(FailoverP50Seconds)} failover_max_s={Seconds(FailoverMaxSeconds)} acked={Acked} lost={Lost} duplicated={Duplicated}");

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });

    private static string Seconds(double? value) => value switch
    {
        null => "na",
        { } v when double.IsPositiveInfinity(v) => "inf",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
