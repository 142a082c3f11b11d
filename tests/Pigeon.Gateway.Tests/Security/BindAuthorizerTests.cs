using System.Net;
using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Security;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Security;

public sealed class BindAuthorizerTests
{
    private static readonly PasswordHasher Hasher = new(iterations: 1000);
    private static readonly string Hash = Hasher.Hash("secret");
    private static readonly IPAddress Remote = IPAddress.Parse("192.0.2.10");

    private readonly CredentialVerifier _verifier = new(Hasher, new FakeTimeProvider());
    private readonly BindCounter _binds = new();
    private readonly Customer _customer = new() { Id = 7, Name = "acme", Country = "GB", Currency = "EUR" };
    private readonly SmppAccount _account = new() { Id = 70, CustomerId = 7, SystemId = "acme", PasswordHash = Hash, MaxBinds = 2 };

    private BindAuthorizer Authorizer => new(_verifier, _binds);

    [Fact]
    public void The_right_password_from_anywhere_binds_and_is_counted()
    {
        var decision = Authorizer.Authorize(_account, _customer, "secret", Remote);

        Assert.True(decision.Allowed);
        Assert.Equal(CommandStatus.Ok, decision.Status);
        Assert.Equal(1, _binds.Count(70));
    }

    [Fact]
    public void An_unknown_system_id_is_ESME_RINVSYSID()
    {
        Assert.Equal(CommandStatus.InvalidSystemId, Authorizer.Authorize(null, null, "secret", Remote).Status);
    }

    [Fact]
    public void A_wrong_password_is_ESME_RINVPASWD()
    {
        var decision = Authorizer.Authorize(_account, _customer, "guess", Remote);

        Assert.Equal(CommandStatus.InvalidPassword, decision.Status);
        Assert.Equal(0, _binds.Count(70));
    }

    [Fact]
    public void An_address_outside_the_allow_list_is_ESME_RBINDFAIL_before_any_hashing()
    {
        var account = _account with { AllowedIps = ["198.51.100.0/24", "2001:db8::/32"] };

        var decision = Authorizer.Authorize(account, _customer, "secret", Remote);

        Assert.Equal(CommandStatus.BindFailed, decision.Status);
        Assert.Equal(0, _verifier.SlowVerifications);
        Assert.True(Authorizer.Authorize(account, _customer, "secret", IPAddress.Parse("2001:db8::7")).Allowed);
    }

    [Fact]
    public void A_malformed_allow_list_refuses_the_bind()
    {
        var account = _account with { AllowedIps = ["not-an-address"] };

        Assert.Equal(CommandStatus.BindFailed, Authorizer.Authorize(account, _customer, "secret", Remote).Status);
    }

    [Fact]
    public void A_parsed_allow_list_given_is_used_instead_of_the_accounts()
    {
        var decision = Authorizer.Authorize(_account, _customer, "secret", Remote, IpAllowList.Parse(["203.0.113.0/24"]));

        Assert.Equal(CommandStatus.BindFailed, decision.Status);
    }

    [Theory]
    [InlineData(CustomerStatus.Suspended)]
    [InlineData(CustomerStatus.Closed)]
    public void A_customer_not_active_is_ESME_RBINDFAIL(CustomerStatus status)
    {
        Assert.Equal(CommandStatus.BindFailed, Authorizer.Authorize(_account, _customer with { Status = status }, "secret", Remote).Status);
    }

    [Fact]
    public void A_disabled_account_is_ESME_RBINDFAIL_only_for_who_knows_the_password()
    {
        var account = _account with { BindEnabled = false };

        Assert.Equal(CommandStatus.InvalidPassword, Authorizer.Authorize(account, _customer, "guess", Remote).Status);
        Assert.Equal(CommandStatus.BindFailed, Authorizer.Authorize(account, _customer, "secret", Remote).Status);
    }

    [Fact]
    public void Binds_beyond_the_maximum_are_ESME_RBINDFAIL_until_one_is_released()
    {
        var authorizer = Authorizer;
        Assert.True(authorizer.Authorize(_account, _customer, "secret", Remote).Allowed);
        Assert.True(authorizer.Authorize(_account, _customer, "secret", Remote).Allowed);
        Assert.Equal(CommandStatus.BindFailed, authorizer.Authorize(_account, _customer, "secret", Remote).Status);

        authorizer.Release(70);

        Assert.True(authorizer.Authorize(_account, _customer, "secret", Remote).Allowed);
    }

    [Fact]
    public void An_account_paired_with_another_customer_is_unknown()
    {
        Assert.Equal(CommandStatus.InvalidSystemId, Authorizer.Authorize(_account, _customer with { Id = 8 }, "secret", Remote).Status);
    }
}
