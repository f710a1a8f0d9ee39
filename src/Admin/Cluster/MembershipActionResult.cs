namespace LoomExchange.Admin.Cluster;

/// <summary>What leave, down, down-unreachable and join did: the action and the addresses it was applied to.</summary>
public sealed record MembershipActionResult(string Action, IReadOnlyList<string> Addresses);
