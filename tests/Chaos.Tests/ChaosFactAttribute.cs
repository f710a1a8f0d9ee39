namespace LoomExchange.Chaos.Tests;

/// <summary>
/// A fact that runs only when <c>LOOM_CHAOS=1</c>: the chaos run takes minutes, starts five processes and a database,
/// and so stays out of the default <c>dotnet test LoomExchange.sln</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChaosFactAttribute : FactAttribute
{
    public const string Variable = "LOOM_CHAOS";

    public ChaosFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"process-level chaos run: set {Variable}=1 to run it";
        }
    }
}
