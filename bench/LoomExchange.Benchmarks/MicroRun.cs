using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace LoomExchange.Benchmarks;

/// <summary>The <c>micro</c> verb: BenchmarkDotNet suites over a warmed, realistically sized book.</summary>
internal static class MicroRun
{
    public const string Usage =
        "micro [--quick] [BenchmarkDotNet arguments, e.g. --filter *Amend*]\n" +
        "    --quick          few iterations (a ShortRun-like job): the whole suite in a few minutes\n" +
        "    without --filter, every benchmark runs (--filter *)";

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--quick").ToList();
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--info" or "--help" or "-h" or "--version"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("Quick"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroRun).Assembly).Run([.. rest], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
