namespace OneStop.Tests.Fixtures;

/// <summary>A clock tests set to any instant, backwards too (each test starts from the same morning).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset instant) => Interlocked.Exchange(ref utcTicks, instant.UtcTicks);
}
