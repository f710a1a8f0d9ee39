using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>
/// The live sessions of this node (<c>/user/gateway-sessions</c>), for the operator's <c>exchange sessions</c> and
/// <c>exchange kick</c>: answers <see cref="ListSessions"/> and <see cref="KickSession"/>.
/// </summary>
public sealed class SessionRegistry : ReceiveActor
{
    public const string Name = "gateway-sessions";

    private readonly Dictionary<long, RegisterSession> _sessions = [];
    private readonly Dictionary<IActorRef, long> _idByActor = [];

    public SessionRegistry()
    {
        Receive<RegisterSession>(r =>
        {
            _sessions[r.Info.SessionId] = r;
            _idByActor[r.Session] = r.Info.SessionId;
            Context.Watch(r.Session);
        });
        Receive<UnregisterSession>(u => Remove(u.SessionId));
        Receive<Terminated>(t =>
        {
            if (_idByActor.TryGetValue(t.ActorRef, out var id))
            {
                Remove(id);
            }
        });
        Receive<ListSessions>(_ => Sender.Tell(List()));
        Receive<EndAllSessions>(end =>
        {
            foreach (var (_, session) in _sessions)
            {
                session.Session.Tell(new EndSession(end.Reason));
            }
        });
        Receive<ResendPendingRequests>(resend =>
        {
            foreach (var (_, session) in _sessions)
            {
                session.Session.Tell(resend);
            }
        });
        Receive<KickSession>(k =>
        {
            var found = _sessions.TryGetValue(k.SessionId, out var session);
            if (found)
            {
                session!.Session.Tell(new EndSession(k.Reason));
            }

            Sender.Tell(new KickResult(k.SessionId, found));
        });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new SessionRegistry());

    private void Remove(long sessionId)
    {
        if (_sessions.Remove(sessionId, out var session))
        {
            _idByActor.Remove(session.Session);
            Context.Unwatch(session.Session);
        }
    }

    private SessionList List()
    {
        var list = new List<SessionSummary>(_sessions.Count);
        foreach (var (_, s) in _sessions)
        {
            list.Add(new SessionSummary(s.Info, s.Counters.MessagesIn, s.Counters.MessagesOut, s.Counters.Requests, s.Counters.Rejects));
        }

        list.Sort((a, b) => a.Info.SessionId.CompareTo(b.Info.SessionId));
        return new SessionList(list);
    }
}
