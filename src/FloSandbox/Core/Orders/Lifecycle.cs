namespace FloSandbox.Core.Orders;

/// The statuses of one kind of order and the moves between them, written down once: every change of
/// status goes through <see cref="Move"/>, which refuses a move the table does not list.
public sealed class Lifecycle<TStatus> where TStatus : struct, Enum
{
    private readonly IReadOnlyDictionary<TStatus, TStatus[]> _next;

    public Lifecycle(string name, IReadOnlyDictionary<TStatus, TStatus[]> next)
    {
        Name = name;
        _next = next;
    }

    public string Name { get; }

    public bool Allows(TStatus from, TStatus to) => _next.TryGetValue(from, out var targets) && targets.Contains(to);

    public bool IsTerminal(TStatus status) => !_next.TryGetValue(status, out var targets) || targets.Length == 0;

    /// <paramref name="to"/>, when the table allows it from <paramref name="from"/>.
    /// <exception cref="IllegalTransitionException">The table has no such move.</exception>
    public TStatus Move(TStatus from, TStatus to) =>
        Allows(from, to) ? to : throw new IllegalTransitionException($"A {Name} cannot go from {from} to {to}.");
}

/// A status change the lifecycle does not allow: a bug, never the caller's input.
public sealed class IllegalTransitionException(string message) : InvalidOperationException(message);
