namespace LoomExchange.Benchmarks;

/// <summary>Shape of a generated command stream.</summary>
internal sealed record GeneratorSettings
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Commands after the pre-fill.</summary>
    public int Commands { get; init; } = 10_000_000;

    /// <summary>Resting orders placed by the pre-fill; the flow then keeps the book near this size.</summary>
    public int BookOrders { get; init; } = 10_000;

    public int Accounts { get; init; } = 400;

    /// <summary>Mean distance of a passive order from the fair price, in ticks (exponentially distributed).</summary>
    public double MeanDepthTicks { get; init; } = 40;

    public int MaxDepthTicks { get; init; } = 600;
}
