namespace LoomExchange.Lighthouse;

/// <summary>The cluster role of seed nodes: they take part in membership and host no shards.</summary>
public static class LighthouseRoles
{
    public const string Lighthouse = "lighthouse";
}
