namespace LoomExchange.Cli.Admin;

/// <summary>An admin call that failed in a way the user can act on: the exit code and one line saying what to do.</summary>
internal sealed class AdminFailure : Exception
{
    public AdminFailure()
    {
    }

    public AdminFailure(string message)
        : base(message)
    {
    }

    public AdminFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AdminFailure(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    public int ExitCode { get; } = ExitCodes.ConnectionFailure;
}
