using LoomExchange.Clustering;
using LoomExchange.Gateway.Configuration;

namespace LoomExchange.Node.Configuration;

/// <summary>
/// Everything under the <c>Loom</c> configuration section (appsettings.json, then environment
/// <c>Loom__Key</c>, then command line <c>--Loom:Key=</c>). Every key is documented in the README.
/// </summary>
public sealed class LoomOptions
{
    public const string Section = "Loom";

    /// <summary><c>development</c> (default) or <c>production</c>: production refuses demo API keys and an empty key list.</summary>
    public string Profile { get; set; } = "development";

    /// <summary>Local state: the SQLite journal file and anything else kept on disk.</summary>
    public string DataDir { get; set; } = "./data";

    public PersistenceSettings Persistence { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    public OrderBookTuning OrderBook { get; set; } = new();

    public GatewayOptions Gateway { get; set; } = new();

    /// <summary>Instruments listed at start; books of other symbols reject orders (UnknownSymbol).</summary>
    public List<InstrumentSettings> Instruments { get; set; } = [];

    /// <summary>Binds the <c>Loom</c> section; a value of the wrong type (e.g. <c>abc</c> for a number) names its key.</summary>
    public static LoomOptions Bind(IConfiguration configuration) => ConfigurationBinding.Bind<LoomOptions>(configuration, Section);
}
