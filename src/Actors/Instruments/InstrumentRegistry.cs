using System.Collections.Frozen;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.Instruments;

/// <summary>
/// The instruments listed by configuration at start. A book takes its rules from here unless its journal
/// holds rules set at run time (<c>SetInstrument</c>), which then win.
/// </summary>
public sealed class InstrumentRegistry
{
    private readonly FrozenDictionary<string, InstrumentSpec> _specs;

    public InstrumentRegistry(IEnumerable<InstrumentSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var bySymbol = new Dictionary<string, InstrumentSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var problems = spec.Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException($"instrument {spec.Symbol}: {string.Join("; ", problems)}", nameof(specs));
            }

            if (!bySymbol.TryAdd(spec.Symbol, spec))
            {
                throw new ArgumentException($"instrument {spec.Symbol} is listed twice", nameof(specs));
            }
        }

        _specs = bySymbol.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<InstrumentSpec> All => _specs.Values;

    public bool TryGet(string symbol, out InstrumentSpec spec) => _specs.TryGetValue(symbol, out spec!);
}
