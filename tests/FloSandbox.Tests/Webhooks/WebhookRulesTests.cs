using FloSandbox.Flo.Platform.Events;
using FloSandbox.Flo.Webhooks;

namespace FloSandbox.Tests.Webhooks;

/// The pure rules behind delivery: matching, the schedule (with and without jitter), state transitions.
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("mint.*", "mint.settled", true)]
    [InlineData("mint.*", "mint.contract_deployed", true)]
    [InlineData("mint.*", "redeem.settled", false)]
    [InlineData("mint.settled", "mint.settled", true)]
    [InlineData("mint.settled", "mint.filled", false)]
    [InlineData("*", "customer.attestation_expired", true)]
    [InlineData("fee.*", "fees.accrued", false)]
    public void Patterns_Match_Exact_Names_Families_And_Everything(string pattern, string type, bool matches) =>
        Assert.Equal(matches, EventPatterns.Matches([pattern], type));

    [Fact]
    public void Every_Catalog_Event_And_Family_Glob_Is_A_Valid_Pattern()
    {
        Assert.All(EventTypes.All, t => Assert.Contains(t, EventPatterns.Valid));
        Assert.All(EventTypes.Families, f => Assert.Contains(f + ".*", EventPatterns.Valid));
        Assert.Equal(["mint.*", "mint.settled"], EventPatterns.Normalize(["mint.*", "mint.settled", "mint.*"]));
    }

    [Fact]
    public void The_Schedule_Is_The_Documented_One_Without_Jitter()
    {
        var expected = new[] { 0L, 30, 300, 1800, 7200, 21600, 43200, 86400, 172800, 259200 };
        var random = new Random(1);
        for (var completed = 0; completed < 10; completed++)
        {
            Assert.Equal(1_000_000 + expected[completed] * 1000, RetrySchedule.NextDueMs(1_000_000, completed, jitter: false, random));
        }
        Assert.Null(RetrySchedule.NextDueMs(1_000_000, 10, jitter: false, random));
    }

    [Fact]
    public void Jitter_Keeps_Each_Retry_Between_The_Previous_Slot_And_Its_Own()
    {
        var random = new Random(42);
        for (var completed = 1; completed < 10; completed++)
        {
            for (var i = 0; i < 200; i++)
            {
                var due = RetrySchedule.NextDueMs(0, completed, jitter: true, random)!.Value;
                Assert.InRange(due, (long)RetrySchedule.Offsets[completed - 1].TotalMilliseconds, (long)RetrySchedule.Offsets[completed].TotalMilliseconds);
            }
        }
        Assert.Equal(0, RetrySchedule.NextDueMs(0, 0, jitter: true, random));
    }

    [Fact]
    public void Transitions_Follow_The_Documented_Statuses()
    {
        var random = new Random(7);
        var failedOnce = DeliveryTransitions.AfterQueued(AttemptKind.Scheduled, DeliveryStatus.Pending, 0, 0, succeeded: false, jitter: false, random);
        Assert.Equal(new DeliveryTransitions.State(DeliveryStatus.Failed, 1, 30_000, AttemptKind.Scheduled), failedOnce);
        var tenth = DeliveryTransitions.AfterQueued(AttemptKind.Scheduled, DeliveryStatus.Failed, 9, 0, succeeded: false, jitter: false, random);
        Assert.Equal(new DeliveryTransitions.State(DeliveryStatus.Abandoned, 10, null, null), tenth);
        var raced = DeliveryTransitions.AfterQueued(AttemptKind.Scheduled, DeliveryStatus.Delivered, 2, 0, succeeded: false, jitter: false, random);
        Assert.Equal(DeliveryStatus.Delivered, raced.Status);
        Assert.Equal(DeliveryStatus.Abandoned,
            DeliveryTransitions.AfterQueued(AttemptKind.Replay, DeliveryStatus.Pending, 10, 0, succeeded: false, jitter: false, random).Status);
        var unchanged = DeliveryTransitions.AfterManualReplay(failedOnce, succeeded: false);
        Assert.Equal(failedOnce, unchanged);
        Assert.Equal(new DeliveryTransitions.State(DeliveryStatus.Delivered, 1, null, null), DeliveryTransitions.AfterManualReplay(failedOnce, succeeded: true));
    }
}
