using System.Reflection;

namespace LoomExchange.Node.Tests;

/// <summary>Where the repository and the other projects' build outputs are, seen from this test assembly.</summary>
internal static class RepositoryLayout
{
    /// <summary>The build output subdirectory of this test assembly (&lt;Configuration&gt;/&lt;TargetFramework&gt;), which the executables under test share.</summary>
    public static string OutputSubdirectory { get; } = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeOutputSubdirectory").Value!;

    /// <summary>The directory holding LoomExchange.sln above this test assembly, or null.</summary>
    public static string? TryFindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LoomExchange.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The directory holding LoomExchange.sln above this test assembly.</summary>
    public static string FindRoot() =>
        TryFindRoot() ?? throw new FileNotFoundException("LoomExchange.sln not found above " + AppContext.BaseDirectory);
}
