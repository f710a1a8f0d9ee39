using System.Collections.Frozen;

namespace LoomExchange.Actors.Risk;

/// <summary>
/// Accounts whose kill switch is on, as this node knows them (fed by the cluster-wide replicated set). Books refuse their
/// places and amends with <c>AccountBlocked</c>. Read on every order, written rarely: a frozen set swapped whole.
/// </summary>
public sealed class AccountBlocklist
{
    private readonly Lock _writes = new();
    private FrozenSet<long> _accounts = FrozenSet<long>.Empty;

    public IReadOnlyCollection<long> Accounts => Volatile.Read(ref _accounts);

    public bool IsBlocked(long accountId)
    {
        var accounts = Volatile.Read(ref _accounts);
        return accounts.Count != 0 && accounts.Contains(accountId);
    }

    /// <summary>Takes the replicated set as it is now.</summary>
    public void Replace(IEnumerable<long> accounts) => Volatile.Write(ref _accounts, accounts.ToFrozenSet());

    public void Block(long accountId) => Update(set => set.Add(accountId));

    public void Lift(long accountId) => Update(set => set.Remove(accountId));

    private void Update(Func<HashSet<long>, bool> change)
    {
        lock (_writes)
        {
            var set = new HashSet<long>(_accounts);
            change(set);
            Volatile.Write(ref _accounts, set.ToFrozenSet());
        }
    }
}
