using System.Text.Json.Serialization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>One SIGKILL of the run and how long the books of the killed node took to serve again.</summary>
internal sealed record KillRecord
{
    [JsonPropertyName("round")]
    public int Round { get; init; }

    [JsonPropertyName("node")]
    public required string Node { get; init; }

    [JsonPropertyName("pid")]
    public int Pid { get; init; }

    [JsonPropertyName("address")]
    public required string Address { get; init; }

    [JsonPropertyName("killed_at_us")]
    public long KilledAtUs { get; init; }

    /// <summary>The books the node hosted just before the kill (admin shard statistics); null when unknown.</summary>
    [JsonPropertyName("symbols")]
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Seconds from the kill to the first durable acknowledgement, per book of the killed node.</summary>
    /// <summary>Where <see cref="Symbols"/> came from: <c>admin shard-stats</c>, <c>node logs</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("symbols_source")]
    public string SymbolsSource { get; init; } = "unknown";

    [JsonPropertyName("first_ack_s")]
    public Dictionary<string, double?> FirstAckSeconds { get; init; } = [];

    /// <summary>Until every book of the killed node acknowledged again (the largest of <see cref="FirstAckSeconds"/>); null when one never did.</summary>
    [JsonPropertyName("failover_s")]
    public double? FailoverSeconds { get; init; }

    /// <summary>Until the first of those books acknowledged again.</summary>
    [JsonPropertyName("first_book_s")]
    public double? FirstBookSeconds { get; init; }

    [JsonPropertyName("restarted_ready_s")]
    public double? RestartedReadySeconds { get; set; }

    /// <summary>Measured over every book, because which books the node hosted was not known.</summary>
    [JsonPropertyName("symbols_unknown")]
    public bool SymbolsUnknown => Symbols is null;

    public KillRecord WithFailover(IReadOnlyList<ChaosAnswer> answers, IReadOnlyCollection<string> allSymbols)
    {
        var symbols = Symbols ?? allSymbols;
        var first = symbols.ToDictionary(
            s => s,
            s => answers.Where(a => a.Symbol == s && a.IsAcknowledged && a.SentUs >= KilledAtUs && a.AnsweredUs >= KilledAtUs)
                .Select(a => (double?)((a.AnsweredUs - KilledAtUs) / 1e6))
                .DefaultIfEmpty(null)
                .Min(),
            StringComparer.Ordinal);
        var known = first.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return this with
        {
            FirstAckSeconds = first,
            FailoverSeconds = first.Count == 0 || known.Count < first.Count ? null : known.Max(),
            FirstBookSeconds = known.Count == 0 ? null : known.Min(),
        };
    }
}
