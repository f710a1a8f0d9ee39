namespace LoomExchange.Benchmarks;

/// <summary>What a generated stream contains and what the simulated book did with it.</summary>
internal sealed class StreamStats
{
    private readonly long[] _kinds = new long[Enum.GetValues<StreamCommandKind>().Length];

    public long Count(StreamCommandKind kind) => _kinds[(int)kind];

    public void Add(StreamCommandKind kind) => _kinds[(int)kind]++;

    /// <summary>Forgets the pre-fill's outcome, so that events, trades, cancels and rejects describe the measured commands.</summary>
    public void ResetOutcome()
    {
        Events = 0;
        Trades = 0;
        Rejects = 0;
        Cancelled = 0;
    }

    public long Events { get; set; }

    public long Trades { get; set; }

    public long Rejects { get; set; }

    public long Cancelled { get; set; }

    public int RestingAtStart { get; set; }

    public int RestingAtEnd { get; set; }

    public int RestingMin { get; set; } = int.MaxValue;

    public int RestingMax { get; set; }

    public int BidLevelsAtEnd { get; set; }

    public int AskLevelsAtEnd { get; set; }

    public long BestBidAtEnd { get; set; }

    public long BestAskAtEnd { get; set; }

    public long FairPriceAtEnd { get; set; }
}
