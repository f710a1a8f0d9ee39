using System.Globalization;

namespace LoomExchange.Benchmarks;

/// <summary>Arguments of the <c>engine</c> verb.</summary>
internal sealed record EngineOptions
{
    public const int DefaultCommands = 10_000_000;
    public const int DefaultWarmup = 3_000_000;
    public const int MaxCommands = 100_000_000;

    public int Commands { get; init; } = DefaultCommands;

    public ulong Seed { get; init; } = 42;

    /// <summary>Commands of the stream's prefix replayed on a separate book before measuring.</summary>
    public int Warmup { get; init; } = DefaultWarmup;

    public int BookOrders { get; init; } = 10_000;

    /// <summary>Measure with pools sized up front (<see cref="BenchInstrument.PresizedOptions"/>) instead of the engine's defaults.</summary>
    public bool Presize { get; init; }

    public const string Usage =
        "engine [--commands N] [--seed S] [--warmup W] [--book-orders B] [--presize]\n" +
        "    --commands N     measured commands (1..100000000, default 10000000)\n" +
        "    --seed S         stream seed (unsigned 64-bit, default 42)\n" +
        "    --warmup W       commands of the stream replayed first on a separate book (0..N, default min(N, 3000000))\n" +
        "    --book-orders B  resting orders of the pre-filled book (100..1000000, default 10000)\n" +
        "    --presize        size the book's pools up front (4 x B orders, 4096 levels) instead of the engine defaults";

    /// <summary>Parses the verb's arguments; on failure returns null and a message.</summary>
    public static EngineOptions? TryParse(IReadOnlyList<string> args, out string error)
    {
        var options = new EngineOptions();
        int? warmup = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--presize")
            {
                options = options with { Presize = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"missing value after {name}";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--commands" when TryInt(value, 1, MaxCommands, out var commands):
                    options = options with { Commands = commands };
                    break;
                case "--warmup" when TryInt(value, 0, MaxCommands, out var w):
                    warmup = w;
                    break;
                case "--book-orders" when TryInt(value, 100, 1_000_000, out var bookOrders):
                    options = options with { BookOrders = bookOrders };
                    break;
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--commands" or "--warmup" or "--book-orders" or "--seed":
                    error = $"invalid value '{value}' for {name}";
                    return null;
                default:
                    error = $"unknown argument '{name}'";
                    return null;
            }
        }

        var effectiveWarmup = warmup ?? Math.Min(options.Commands, DefaultWarmup);
        if (effectiveWarmup > options.Commands)
        {
            error = $"--warmup {effectiveWarmup} must not exceed --commands {options.Commands} (the warm-up replays a prefix of the stream)";
            return null;
        }

        error = string.Empty;
        return options with { Warmup = effectiveWarmup };
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= min && value <= max;
}
