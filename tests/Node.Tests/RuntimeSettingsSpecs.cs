using System.Text.Json;
using System.Xml.Linq;

namespace LoomExchange.Node.Tests;

/// <summary>The runtime settings the node ships with, as its runtimeconfig.json gives them to every way of starting it.</summary>
public sealed class RuntimeSettingsSpecs
{
    [Fact]
    public void Should_start_the_node_without_tiered_compilation()
    {
        // Decision 29: recompiling on background threads competed with the commit loop on two cores.
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }

    [Fact]
    public void Should_start_the_node_without_the_instrumented_JIT_tier()
    {
        // Decision 28: with TieredPGO on, a cold node met with full load queued tens of thousands of requests.
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Theory]
    [InlineData("TieredCompilation")]
    [InlineData("TieredPGO")]
    public void Should_measure_the_in_process_benchmarks_with_the_node_JIT_settings(string property)
    {
        // books and recovery host the node's composition in the benchmark process: their figures stand for the node's
        // only if that process compiles code as the node does (decision 29).
        var root = RepositoryLayout.FindRoot();
        var node = ProjectProperty(Path.Combine(root, "src", "Node", "Node.csproj"), property);
        var bench = ProjectProperty(Path.Combine(root, "bench", "LoomExchange.Benchmarks", "LoomExchange.Benchmarks.csproj"), property);

        Assert.NotNull(node);
        Assert.Equal(node, bench);
    }

    private static string? ProjectProperty(string project, string property) =>
        XDocument.Load(project).Descendants(property).SingleOrDefault()?.Value.Trim();

    private static JsonElement ConfigProperties()
    {
        var path = Path.ChangeExtension(NodeProcess.LocateNodeDll(), ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
