using System.Runtime;
using System.Runtime.InteropServices;

namespace LoomExchange.Benchmarks;

/// <summary>A description of the machine and runtime, printed with every result.</summary>
internal static class MachineInfo
{
    public static void Print(TextWriter writer)
    {
        writer.WriteLine($"machine: processors={Environment.ProcessorCount} cpu=\"{CpuModel()}\" os=\"{RuntimeInformation.OSDescription}\" arch={RuntimeInformation.ProcessArchitecture}");
        writer.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription} ({Environment.Version}) gc={(GCSettings.IsServerGC ? "server" : "workstation")} latency_mode={GCSettings.LatencyMode} stopwatch_hz={System.Diagnostics.Stopwatch.Frequency}");
        var knobs = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && (k.Contains("Tiered", StringComparison.Ordinal) || k.Contains("TC_", StringComparison.Ordinal) || k.Contains("ReadyToRun", StringComparison.Ordinal) || k.Contains("gc", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}")
            .ToList();
        writer.WriteLine($"load average (1/5/15 min, other processes compete for the {Environment.ProcessorCount} cores): {LoadAverage()}");
        writer.WriteLine($"jit/gc environment: {(knobs.Count == 0 ? "(defaults; TieredPGO on via the project)" : string.Join(' ', knobs))}");
    }

    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return "unknown";
    }
}
