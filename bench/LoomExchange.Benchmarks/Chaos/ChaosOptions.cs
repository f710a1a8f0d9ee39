using System.Globalization;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>Arguments of the <c>chaos</c> verb (scripts/chaos.sh starts PostgreSQL and passes <c>--connection</c>).</summary>
internal sealed record ChaosOptions
{
    public const string Usage =
        "chaos --kills K [--interval S] [--rate R] [--connections C] [--restart-delay S] [--lead-in S] [--tail S] [--seed N]\n"
        + "      [--connection CS] [--configuration Release] [--repo DIR] [--json FILE] [--keep] [--node-arg ARG]...\n"
        + "    Lighthouse + 3 nodes on PostgreSQL, loomctl bench load on every gateway, SIGKILL of a random node every S seconds\n"
        + "    (restarted after --restart-delay), then verification against the journal; scripts/chaos.sh runs it";

    /// <summary>Nodes killed, one at a time.</summary>
    public int Kills { get; init; } = 3;

    /// <summary>Seconds from one kill to the next (at least <see cref="RestartDelaySeconds"/> + <see cref="RestartBudgetSeconds"/>).</summary>
    public double IntervalSeconds { get; init; } = 20;

    /// <summary>What a restarted node is given to be ready again before the next kill (measured here: 8-13 s under load).</summary>
    public const double RestartBudgetSeconds = 15;

    /// <summary>The kill-to-kill spacing actually used: the interval, or longer when the restart needs it.</summary>
    public double SpacingSeconds => Math.Max(IntervalSeconds, RestartDelaySeconds + RestartBudgetSeconds);

    /// <summary>Requests per second offered by loomctl bench (open loop), over all connections.</summary>
    public double Rate { get; init; } = 1000;

    public int Connections { get; init; } = 6;

    /// <summary>Seconds from a kill to the restart of the same node (a supervisor's delay).</summary>
    public double RestartDelaySeconds { get; init; } = 5;

    /// <summary>Seconds of load before the first kill.</summary>
    public double LeadInSeconds { get; init; } = 8;

    /// <summary>Seconds of load after the last kill's interval, so that a slow last failover is still measured.</summary>
    public double TailSeconds { get; init; } = 30;

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>PostgreSQL connection string (or LOOM_CHAOS_PG).</summary>
    public string? Connection { get; init; }

    /// <summary>Which build output of the node, Lighthouse and loomctl to run.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>The repository root (found from the working directory or this program's location when not given).</summary>
    public string? Repo { get; init; }

    public string? JsonFile { get; init; }

    /// <summary>Keep the work directory (logs, answers) even when the run passes.</summary>
    public bool Keep { get; init; }

    /// <summary>More command-line configuration for every node start, e.g. <c>--Loom:Cluster:StableAfter=2s</c>.</summary>
    public IReadOnlyList<string> NodeArguments { get; init; } = [];

    public static ChaosOptions Parse(string[] args)
    {
        var options = new ChaosOptions { Connection = Environment.GetEnvironmentVariable("LOOM_CHAOS_PG") };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Value().Replace("_", string.Empty, StringComparison.Ordinal).TrimEnd('s'), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--kills" => options with { Kills = (int)Number() },
                "--interval" => options with { IntervalSeconds = Number() },
                "--rate" => options with { Rate = Number() },
                "--connections" => options with { Connections = (int)Number() },
                "--restart-delay" => options with { RestartDelaySeconds = Number() },
                "--lead-in" => options with { LeadInSeconds = Number() },
                "--tail" => options with { TailSeconds = Number() },
                "--seed" => options with { Seed = (int)Number() },
                "--connection" => options with { Connection = Value() },
                "--configuration" => options with { Configuration = Value() },
                "--repo" => options with { Repo = Value() },
                "--json" => options with { JsonFile = Value() },
                "--keep" => options with { Keep = true },
                "--node-arg" => options with { NodeArguments = [.. options.NodeArguments, Value()] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            throw new ArgumentException("chaos needs PostgreSQL: --connection or LOOM_CHAOS_PG (scripts/chaos.sh starts a throwaway server and sets it)");
        }

        if (options.Kills < 0 || options.IntervalSeconds <= 0 || options.Rate <= 0 || options.Connections < 1 || options.RestartDelaySeconds < 0)
        {
            throw new ArgumentException("--kills must not be negative; --interval, --rate and --connections must be positive");
        }

        if (options.RestartDelaySeconds >= options.IntervalSeconds)
        {
            throw new ArgumentException($"--restart-delay {options.RestartDelaySeconds} must be below --interval {options.IntervalSeconds}: the node must be back before the next kill");
        }

        return options;
    }
}
