using System.Text.Json;

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

    private static JsonElement ConfigProperties()
    {
        var path = Path.ChangeExtension(NodeProcess.LocateNodeDll(), ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
