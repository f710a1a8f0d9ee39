namespace LoomExchange.Engine;

/// <summary>One aggregated price level as seen in a depth query.</summary>
public readonly record struct PriceLevelView(long Price, long Quantity, int OrderCount);
