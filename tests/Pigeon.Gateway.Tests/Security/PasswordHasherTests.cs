using Pigeon.Gateway.Security;

namespace Pigeon.Gateway.Tests.Security;

public sealed class PasswordHasherTests
{
    // Low iterations keep the suite fast; one test below checks the default.
    private static readonly PasswordHasher Hasher = new(iterations: 1000);

    [Fact]
    public void The_right_password_verifies()
    {
        var hash = Hasher.Hash("s3cret!");

        Assert.Equal(PasswordVerification.Succeeded, Hasher.Verify("s3cret!", hash));
    }

    [Theory]
    [InlineData("s3cret")]
    [InlineData("s3cret!!")]
    [InlineData("S3cret!")]
    [InlineData("")]
    public void A_wrong_password_is_refused(string attempt)
    {
        var hash = Hasher.Hash("s3cret!");

        Assert.Equal(PasswordVerification.Failed, Hasher.Verify(attempt, hash));
    }

    [Fact]
    public void The_stored_form_names_the_algorithm_the_iterations_the_salt_and_the_hash()
    {
        var hash = Hasher.Hash("pw");
        var fields = hash.Split('$');

        Assert.Equal(5, fields.Length);
        Assert.Equal(string.Empty, fields[0]);
        Assert.Equal("pbkdf2-sha256", fields[1]);
        Assert.Equal("i=1000", fields[2]);
        Assert.Equal(16, Convert.FromBase64String(fields[3] + "==").Length);
        Assert.Equal(32, Convert.FromBase64String(fields[4] + "=").Length);
        Assert.True(PasswordHasher.IsWellFormed(hash));
    }

    [Fact]
    public void Each_hash_has_its_own_salt()
    {
        Assert.NotEqual(Hasher.Hash("same"), Hasher.Hash("same"));
    }

    [Fact]
    public void The_default_is_600000_iterations_of_PBKDF2_SHA256()
    {
        var hasher = new PasswordHasher();
        var hash = hasher.Hash("pw");

        Assert.StartsWith("$pbkdf2-sha256$i=600000$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Succeeded, hasher.Verify("pw", hash));
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_verifies_but_asks_for_a_rehash()
    {
        var old = new PasswordHasher(iterations: 500).Hash("pw");

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, Hasher.Verify("pw", old));
        Assert.Equal(PasswordVerification.Failed, Hasher.Verify("wrong", old));
    }

    [Fact]
    public void A_hash_made_elsewhere_with_the_same_parameters_verifies()
    {
        // PBKDF2-HMAC-SHA256("password", "saltsaltsaltsalt", 1000, 32), computed independently by the BCL here
        // and written in the stored format by hand.
        var salt = "saltsaltsaltsalt"u8.ToArray();
        var key = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("password"u8, salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var stored = $"$pbkdf2-sha256$i=1000${Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(key).TrimEnd('=')}";

        Assert.Equal(PasswordVerification.Succeeded, Hasher.Verify("password", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("$pbkdf2-sha1$i=1000$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha256$i=0$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha256$i=99999999$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha256$n=1000$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha256$i=1000$!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$AAAA")]
    [InlineData("$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra")]
    public void A_stored_value_in_another_format_never_verifies(string stored)
    {
        Assert.False(PasswordHasher.IsWellFormed(stored));
        Assert.Equal(PasswordVerification.Failed, Hasher.Verify(string.Empty, stored));
        Assert.Equal(PasswordVerification.Failed, Hasher.Verify("password", stored));
    }
}
