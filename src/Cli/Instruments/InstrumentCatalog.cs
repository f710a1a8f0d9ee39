using System.Text.Json;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Cli.Instruments;

/// <summary>The instruments a node lists (<c>GET /api/instruments</c>), by symbol.</summary>
internal sealed class InstrumentCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, InstrumentSpec> _specs;

    public InstrumentCatalog(IEnumerable<InstrumentSpec> specs, string source)
    {
        _specs = specs.ToDictionary(s => s.Symbol, StringComparer.OrdinalIgnoreCase);
        Source = source;
    }

    /// <summary>Where the specs came from (the node's URL, or the built-in demo list).</summary>
    public string Source { get; }

    public IEnumerable<InstrumentSpec> All => _specs.Values.OrderBy(s => s.Symbol, StringComparer.Ordinal);

    public static async Task<InstrumentCatalog> FetchAsync(string httpBase, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(httpBase.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(5) };
        var json = await http.GetStringAsync(new Uri("api/instruments", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return Parse(json, httpBase);
    }

    /// <summary>Reads the node's <c>/api/instruments</c> answer: a JSON array of instrument specs in camelCase.</summary>
    public static InstrumentCatalog Parse(string json, string source)
    {
        var specs = JsonSerializer.Deserialize<List<InstrumentSpec>>(json, Json)
            ?? throw new InvalidDataException($"{source}/api/instruments returned no list");
        return new InstrumentCatalog(specs, source);
    }

    /// <summary>The node's list, or the built-in demo instruments when the node's HTTP API cannot be reached.</summary>
    public static async Task<InstrumentCatalog> FetchOrDemoAsync(string httpBase, TextWriter warnings, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchAsync(httpBase, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException)
        {
            await warnings.WriteLineAsync($"warning: cannot read instruments from {httpBase} ({error.Message}); using the built-in demo specs").ConfigureAwait(false);
            return new InstrumentCatalog(DemoInstruments.All, "built-in demo specs");
        }
    }

    public bool TryGet(string symbol, out InstrumentSpec spec) => _specs.TryGetValue(symbol, out spec!);

    /// <summary>The spec of <paramref name="symbol"/>, or an error that lists what is there.</summary>
    public InstrumentSpec Get(string symbol) => TryGet(symbol, out var spec)
        ? spec
        : throw new UsageException($"symbol '{symbol}' is not listed by {Source}; listed: {string.Join(", ", All.Select(s => s.Symbol))}");
}
