using Pigeon.Gateway.Security;

namespace Pigeon.Gateway.Tests.Security;

public sealed class SecretGeneratorTests
{
    [Fact]
    public void An_SMPP_password_fits_the_eight_character_field()
    {
        var password = SecretGenerator.NewSmppPassword();

        Assert.Equal(8, password.Length);
        Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.DoesNotContain(password, c => "0Oo1lI".Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_longer_than_SMPP_allows_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SecretGenerator.NewSmppPassword(9));
        Assert.Equal(5, SecretGenerator.NewSmppPassword(5).Length);
    }

    [Fact]
    public void A_system_id_is_fifteen_characters_after_its_prefix()
    {
        var systemId = SecretGenerator.NewSystemId("demo");

        Assert.Equal(15, systemId.Length);
        Assert.StartsWith("demo", systemId, StringComparison.Ordinal);
        Assert.All(systemId, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
    }

    [Fact]
    public void An_API_key_has_its_prefix_and_forty_random_characters()
    {
        var key = SecretGenerator.NewApiKey();

        Assert.StartsWith("pgn_", key, StringComparison.Ordinal);
        Assert.Equal(44, key.Length);
    }

    [Fact]
    public void Secrets_do_not_repeat()
    {
        var passwords = Enumerable.Range(0, 1000).Select(_ => SecretGenerator.NewSmppPassword()).ToHashSet();
        var keys = Enumerable.Range(0, 1000).Select(_ => SecretGenerator.NewApiKey()).ToHashSet();

        Assert.Equal(1000, passwords.Count);
        Assert.Equal(1000, keys.Count);
    }
}
