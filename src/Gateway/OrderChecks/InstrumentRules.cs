using System.Collections.Frozen;
using LoomExchange.Actors.Instruments;
using LoomExchange.Engine;

namespace LoomExchange.Gateway.OrderChecks;

/// <summary>The static order rules (L3) of every listed instrument, built once and shared by all connections.</summary>
public sealed class InstrumentRules
{
    private readonly FrozenDictionary<string, OrderRules> _rules;

    public InstrumentRules(InstrumentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var bySymbol = new Dictionary<string, OrderRules>(StringComparer.Ordinal);
        foreach (var spec in registry.All)
        {
            bySymbol[spec.Symbol] = new OrderRules(spec);
        }

        _rules = bySymbol.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string symbol, out OrderRules rules) => _rules.TryGetValue(symbol, out rules!);
}
