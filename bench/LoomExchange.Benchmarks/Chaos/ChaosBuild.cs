namespace LoomExchange.Benchmarks.Chaos;

/// <summary>Where the build outputs the chaos run starts live: src/X/bin/&lt;Configuration&gt;/net10.0 of the repository.</summary>
internal sealed record ChaosBuild(string Repo, string NodeDll, string LighthouseDll, string LoomctlDll)
{
    public static ChaosBuild Locate(ChaosOptions options)
    {
        var repo = options.Repo ?? FindRepo(Environment.CurrentDirectory) ?? FindRepo(AppContext.BaseDirectory)
            ?? throw new ArgumentException("cannot find the repository (LoomExchange.sln) above the working directory; give --repo DIR");
        string Output(string project, string dll)
        {
            var path = Path.Combine(repo, "src", project, "bin", options.Configuration, "net10.0", dll);
            return File.Exists(path) ? path : throw new ArgumentException($"{path} is missing: dotnet build src/{project} -c {options.Configuration} (scripts/chaos.sh builds it)");
        }

        return new ChaosBuild(
            repo,
            Output("Node", "LoomExchange.Node.dll"),
            Output("Lighthouse", "LoomExchange.Lighthouse.dll"),
            Output("Cli", "loomctl.dll"));
    }

    private static string? FindRepo(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LoomExchange.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
