using Microsoft.Extensions.Time.Testing;
using Pigeon.Server.Http.Dialect001;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>The 453 window on a fake clock: two minutes per customer, number and text; all or none per request.</summary>
public sealed class DuplicateSendWindowTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DuplicateSendWindow _window;
    private readonly ulong _text = DuplicateSendWindow.HashOf("hello");

    public DuplicateSendWindowTests() => _window = new DuplicateSendWindow(_time);

    [Fact]
    public void A_repeat_within_two_minutes_is_refused_and_names_the_number()
    {
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));
        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));

        Assert.False(_window.TryReserve(1, ["380989361131"], _text, out var repeated));
        Assert.Equal("380989361131", repeated);
    }

    [Fact]
    public void The_same_send_two_minutes_later_is_allowed_again()
    {
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));
        Assert.False(_window.TryReserve(1, ["380989361131"], _text, out _));
    }

    [Fact]
    public void Another_text_another_number_or_another_customer_is_not_a_repeat()
    {
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));

        Assert.True(_window.TryReserve(1, ["380989361131"], DuplicateSendWindow.HashOf("hello!"), out _));
        Assert.True(_window.TryReserve(1, ["380989361132"], _text, out _));
        Assert.True(_window.TryReserve(2, ["380989361131"], _text, out _));
    }

    [Fact]
    public void A_leading_plus_is_the_same_number()
    {
        Assert.True(_window.TryReserve(1, ["+380989361131"], _text, out _));

        Assert.False(_window.TryReserve(1, ["380989361131"], _text, out _));
    }

    [Fact]
    public void A_request_with_one_repeat_reserves_none_of_its_numbers()
    {
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));

        Assert.False(_window.TryReserve(1, ["380989361132", "380989361133", "380989361131"], _text, out var repeated));
        Assert.Equal("380989361131", repeated);
        Assert.True(_window.TryReserve(1, ["380989361132", "380989361133"], _text, out _));
    }

    [Fact]
    public void A_number_twice_in_one_request_is_a_repeat()
    {
        Assert.False(_window.TryReserve(1, ["380989361131", "380989361131"], _text, out var repeated));

        Assert.Equal("380989361131", repeated);
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));
    }

    [Fact]
    public void A_released_number_may_be_sent_again_at_once()
    {
        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));

        _window.Release(1, "380989361131", _text);

        Assert.True(_window.TryReserve(1, ["380989361131"], _text, out _));
    }

    [Fact]
    public async Task Expired_entries_are_swept_once_the_sweep_interval_passed()
    {
        Assert.True(_window.TryReserve(1, ["380989361131", "380989361132"], _text, out _));
        _time.Advance(DuplicateSendWindow.Window);

        Assert.True(_window.TryReserve(1, ["380989361133"], _text, out _));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_window.Count > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, _window.Count);
    }
}
