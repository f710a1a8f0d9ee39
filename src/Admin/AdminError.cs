namespace LoomExchange.Admin;

/// <summary>Every admin error: a stable reason code (<c>unknown_symbol</c>, <c>unauthorized</c>, …) and a sentence for humans.</summary>
public sealed record AdminError(string Error, string Message)
{
    public static IResult Result(int status, string error, string message) =>
        Results.Json(new AdminError(error, message), statusCode: status);

    public static IResult NotFound(string error, string message) => Result(StatusCodes.Status404NotFound, error, message);

    public static IResult BadRequest(string error, string message) => Result(StatusCodes.Status400BadRequest, error, message);

    public static IResult Timeout(string what) =>
        Result(StatusCodes.Status504GatewayTimeout, "timeout", $"{what} did not answer in time; try again or check the node's log");
}
