using System.Text;
using Pigeon.Server.Http.Dialect001;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>Reading the Authorization header and the XML &lt;auth&gt; element.</summary>
public sealed class Dialect001CredentialsTests
{
    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    [Fact]
    public void Basic_gives_the_user_and_the_password_as_the_token()
    {
        Assert.Equal(new Dialect001Credentials("vash", "pgn_abc:def", false), Dialect001Credentials.FromHeader(Basic("vash:pgn_abc:def")));
    }

    [Fact]
    public void Basic_user_names_are_read_as_UTF8()
    {
        Assert.Equal("Ваш", Dialect001Credentials.FromHeader(Basic("Ваш:pgn_x")).User);
    }

    [Fact]
    public void Bearer_gives_the_token_without_a_user()
    {
        Assert.Equal(new Dialect001Credentials(null, "pgn_abc", false), Dialect001Credentials.FromHeader("bearer  pgn_abc "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_header_presents_nothing(string? header)
    {
        Assert.False(Dialect001Credentials.FromHeader(header).Presented);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!")]
    [InlineData("Basic dmFzaA==")] // "vash": no colon
    [InlineData("Basic dmFzaDo=")] // "vash:": no password
    [InlineData("Basic /w==")] // 0xFF: not UTF-8
    [InlineData("Bearer ")]
    [InlineData("Token pgn_abc")]
    public void A_header_of_no_known_form_is_malformed(string header)
    {
        var credentials = Dialect001Credentials.FromHeader(header);

        Assert.True(credentials.Presented);
        Assert.True(credentials.Malformed);
    }

    [Fact]
    public void Xml_auth_takes_a_token_or_a_login_and_password()
    {
        Assert.Equal(new Dialect001Credentials(null, "pgn_t", false), Dialect001Credentials.FromXml(null, null, "pgn_t"));
        Assert.Equal(new Dialect001Credentials("vash", "pgn_t", false), Dialect001Credentials.FromXml("vash", "pgn_t", null));
        Assert.False(Dialect001Credentials.FromXml(null, null, null).Presented);
        Assert.True(Dialect001Credentials.FromXml("vash", null, null).Malformed);
        Assert.True(Dialect001Credentials.FromXml("vash", "pgn_t", "pgn_t").Malformed);
    }
}
