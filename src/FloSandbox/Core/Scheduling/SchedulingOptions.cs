namespace FloSandbox.Core.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// How often due work is looked for when nothing moves a clock.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
