using System.Security.Cryptography;
using System.Text;
using Pigeon.Gateway.Security;

namespace Pigeon.Gateway.Tests.Security;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void Created_token_starts_with_its_prefix_and_matches_its_hash()
    {
        var (token, prefix, hash) = ApiKeyToken.Create();

        Assert.Equal(ApiKeyToken.TokenLength, token.Length);
        Assert.StartsWith(prefix + "_", token, StringComparison.Ordinal);
        Assert.True(ApiKeyToken.TryGetPrefix(token, out var parsed));
        Assert.Equal(prefix, parsed);
        Assert.True(ApiKeyToken.Matches(token, hash));
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_token_in_lower_case_hex()
    {
        const string token = "pgn_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ0123456789";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), ApiKeyToken.Hash(token));
    }

    [Fact]
    public void Token_with_one_character_changed_does_not_match()
    {
        var (token, _, hash) = ApiKeyToken.Create();
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.False(ApiKeyToken.Matches(changed, hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pgn_ABCDEFGH")]
    [InlineData("xyz_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ0123456789")]
    [InlineData("pgn_ABCDEFGH-0123456789abcdefghijABCDEFGHIJ0123456789")]
    [InlineData("pgn_ABCD/FGH_0123456789abcdefghijABCDEFGHIJ0123456789")]
    [InlineData("pgn_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ012345678é")]
    [InlineData("pgn_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ01234567890")]
    public void Malformed_tokens_have_no_prefix(string token)
    {
        Assert.False(ApiKeyToken.TryGetPrefix(token, out _));
    }

    [Fact]
    public void A_malformed_stored_hash_matches_nothing()
    {
        var (token, _, _) = ApiKeyToken.Create();

        Assert.False(ApiKeyToken.Matches(token, "not-hex"));
        Assert.False(ApiKeyToken.Matches(token, new string('z', 64)));
    }
}
