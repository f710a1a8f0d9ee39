using System.Text.Json;

namespace LoomExchange.Node.Tests;

/// <summary>The runtime settings the node ships with, as its runtimeconfig.json gives them to every way of starting it.</summary>
public sealed class RuntimeSettingsSpecs
{
    [Fact]
    public void Should_start_the_node_without_the_instrumented_JIT_tier()
    {
        // Decision 28: with TieredPGO on, a cold node met with full load queued tens of thousands of requests.
        var path = Path.ChangeExtension(NodeProcess.LocateNodeDll(), ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
