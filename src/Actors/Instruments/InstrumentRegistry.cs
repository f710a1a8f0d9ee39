using System.Collections.Frozen;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.Instruments;

/// <summary>
/// The instruments this node lists: those of configuration at start, plus those listed or changed at run time
/// (<c>exchange symbol add|update</c>, replicated to every node). A book takes its rules from here unless its journal
/// holds rules set at run time (<c>SetInstrument</c>), which then win. Read on every order, written rarely: a frozen
/// dictionary swapped whole.
/// </summary>
public sealed class InstrumentRegistry
{
    private readonly Lock _writes = new();
    private FrozenDictionary<string, InstrumentSpec> _specs;

    public InstrumentRegistry(IEnumerable<InstrumentSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var bySymbol = new Dictionary<string, InstrumentSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            ThrowIfInvalid(spec);
            if (!bySymbol.TryAdd(spec.Symbol, spec))
            {
                throw new ArgumentException($"instrument {spec.Symbol} is listed twice", nameof(specs));
            }
        }

        _specs = bySymbol.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<InstrumentSpec> All => Volatile.Read(ref _specs).Values;

    public bool TryGet(string symbol, out InstrumentSpec spec) => Volatile.Read(ref _specs).TryGetValue(symbol, out spec!);

    /// <summary>Lists a symbol or replaces its rules (run-time listing); the spec must be valid.</summary>
    public void Set(InstrumentSpec spec)
    {
        ThrowIfInvalid(spec);
        lock (_writes)
        {
            var bySymbol = new Dictionary<string, InstrumentSpec>(_specs, StringComparer.Ordinal) { [spec.Symbol] = spec };
            Volatile.Write(ref _specs, bySymbol.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    private static void ThrowIfInvalid(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"instrument {spec.Symbol}: {string.Join("; ", problems)}", nameof(spec));
        }
    }
}
