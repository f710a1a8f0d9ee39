using System.Globalization;

namespace LoomExchange.Benchmarks.Books;

/// <summary>Arguments of the <c>books</c> and <c>recovery</c> verbs.</summary>
internal sealed record BooksOptions
{
    public string Store { get; init; } = "sqlite";

    /// <summary>PostgreSQL connection string (from <c>--connection</c> or LOOM_BENCH_PG); the script starts a throwaway server.</summary>
    public string? Connection { get; init; }

    public int Orders { get; init; } = 1_000_000;

    public int Warmup { get; init; } = 100_000;

    /// <summary>Closed loop: commands in flight at once.</summary>
    public int InFlight { get; init; } = 1_000;

    /// <summary>Open loop: commands per second offered (0 = closed loop).</summary>
    public int Rate { get; init; }

    public int Symbols { get; init; } = 8;

    public int Events { get; init; } = 1_000_000;

    public int Seed { get; init; } = 42;

    /// <summary>Print every GC of the measured part and the top allocating types (<see cref="GcEventTrace"/>).</summary>
    public bool GcTrace { get; init; }

    /// <summary>Rows between a book's snapshots (<c>Loom:OrderBook:SnapshotEveryWrites</c>); null keeps the node's default.</summary>
    public int? SnapshotEveryWrites { get; init; }

    /// <summary>Batch writes in flight per book (<c>Loom:OrderBook:MaxWritesInFlight</c>); null keeps the node's default.</summary>
    public int? MaxWritesInFlight { get; init; }

    public static BooksOptions Parse(string[] args)
    {
        var options = new BooksOptions { Connection = Environment.GetEnvironmentVariable("LOOM_BENCH_PG") };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value().Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--store" => options with { Store = Value() },
                "--connection" => options with { Connection = Value() },
                "--orders" => options with { Orders = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--inflight" => options with { InFlight = Number(), Rate = 0 },
                "--rate" => options with { Rate = Number() },
                "--symbols" => options with { Symbols = Number() },
                "--events" => options with { Events = Number() },
                "--seed" => options with { Seed = Number() },
                "--gc-trace" => options with { GcTrace = true },
                "--snapshot-every-writes" => options with { SnapshotEveryWrites = Number() },
                "--max-writes-in-flight" => options with { MaxWritesInFlight = Number() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.Store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store {options.Store}: use sqlite or postgres");
        }

        if (options.Store == "postgres" && string.IsNullOrWhiteSpace(options.Connection))
        {
            throw new ArgumentException("--store postgres needs --connection or LOOM_BENCH_PG (bench/run-postgres.sh starts a throwaway server and sets it)");
        }

        return options;
    }
}
