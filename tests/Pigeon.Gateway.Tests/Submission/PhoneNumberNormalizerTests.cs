using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class PhoneNumberNormalizerTests
{
    private static readonly PhoneNumberNormalizer Normalizer = new();

    [Theory]
    // TON 1 international, with and without '+' or "00".
    [InlineData(1, 1, "447911123456", "GB", "447911123456")]
    [InlineData(1, 1, "+447911123456", "DE", "447911123456")]
    [InlineData(1, 1, "00447911123456", "FR", "447911123456")]
    [InlineData(1, 1, "4915112345678", "GB", "4915112345678")]
    [InlineData(1, 1, "33612345678", "US", "33612345678")]
    [InlineData(1, 1, "12025550123", "GB", "12025550123")]
    [InlineData(1, 1, "5511987654321", "GB", "5511987654321")]
    [InlineData(1, 1, "390612345678", "GB", "390612345678")]
    // TON 2 national, in the customer's country; the trunk prefix goes.
    [InlineData(2, 1, "07911123456", "GB", "447911123456")]
    [InlineData(2, 1, "7911123456", "GB", "447911123456")]
    [InlineData(2, 1, "015112345678", "DE", "4915112345678")]
    [InlineData(2, 1, "0612345678", "FR", "33612345678")]
    [InlineData(2, 1, "2025550123", "US", "12025550123")]
    [InlineData(2, 1, "0412345678", "AU", "61412345678")]
    [InlineData(2, 1, "09012345678", "JP", "819012345678")]
    [InlineData(2, 1, "09876543210", "IN", "919876543210")]
    // TON 0 unknown: '+', IDD, trunk prefix, or bare international digits.
    [InlineData(0, 0, "+44 7911 123456", "US", "447911123456")]
    [InlineData(0, 0, "0044 7911 123456", "GB", "447911123456")]
    [InlineData(0, 0, "011 44 7911 123456", "US", "447911123456")]
    [InlineData(0, 0, "079-1112-3456", "GB", "447911123456")]
    [InlineData(0, 0, "447911123456", "GB", "447911123456")]
    [InlineData(0, 0, "447911123456", "DE", "447911123456")]
    [InlineData(0, 0, "4915112345678", "GB", "4915112345678")]
    [InlineData(0, 1, "7911123456", "GB", "447911123456")]
    [InlineData(0, 0, "(202) 555-0123", "US", "12025550123")]
    [InlineData(0, 0, "+1 (202) 555.0123", "GB", "12025550123")]
    [InlineData(0, 0, "89161234567", "RU", "79161234567")]
    [InlineData(0, 0, "11987654321", "BR", "5511987654321")]
    [InlineData(0, 0, "+39 06 1234 5678", "GB", "390612345678")]
    // TON 4 subscriber number reads like national.
    [InlineData(4, 1, "07911123456", "GB", "447911123456")]
    public void Normalises_to_E164_digits(byte ton, byte npi, string number, string country, string expected)
    {
        var result = Normalizer.Normalize(new SmppAddress((TypeOfNumber)ton, (NumberingPlan)npi, number), country);

        Assert.Equal(NumberFailure.None, result.Failure);
        Assert.Equal(expected, result.Number);
        Assert.Equal(NumberKind.International, result.Kind);
    }

    [Theory]
    [InlineData(0, "", NumberFailure.Empty)]
    [InlineData(0, "  - ", NumberFailure.Empty)]
    [InlineData(0, "44791112345a", NumberFailure.InvalidCharacters)]
    [InlineData(0, "4479+11123456", NumberFailure.InvalidCharacters)]
    [InlineData(1, "+3361234", NumberFailure.TooShort)]
    [InlineData(1, "12", NumberFailure.TooShort)]
    [InlineData(1, "44791112345678", NumberFailure.TooLong)]
    [InlineData(1, "447911123456789012", NumberFailure.TooLong)]
    [InlineData(0, "1234567890123456789012", NumberFailure.TooLong)]
    [InlineData(1, "999123456", NumberFailure.InvalidCountryCode)]
    [InlineData(1, "0447911123456", NumberFailure.InvalidCountryCode)]
    [InlineData(2, "0001", NumberFailure.TooShort)]
    public void Reports_why_a_number_fails(byte ton, string number, NumberFailure expected)
    {
        var result = Normalizer.Normalize(new SmppAddress((TypeOfNumber)ton, NumberingPlan.Isdn, number), "GB");

        Assert.Equal(expected, result.Failure);
        Assert.False(result.Succeeded);
        Assert.Equal(string.Empty, result.Number);
    }

    [Fact]
    public void A_number_in_no_assigned_range_is_invalid()
    {
        // +44 1 is not a range the UK assigns to anything of this length.
        var result = Normalizer.Normalize(SmppAddress.International("441000000000"), "GB");

        Assert.False(result.Succeeded);
        Assert.Equal(NumberFailure.InvalidNumber, result.Failure);
    }

    [Fact]
    public void A_national_number_needs_a_known_default_country()
    {
        var result = Normalizer.Normalize(new SmppAddress(TypeOfNumber.National, NumberingPlan.Isdn, "07911123456"), "XX");

        Assert.Equal(NumberFailure.UnknownDefaultCountry, result.Failure);
    }

    [Fact]
    public void An_unknown_ton_number_with_an_unknown_default_country_is_read_internationally()
    {
        var result = Normalizer.Normalize("447911123456", "XX");

        Assert.Equal("447911123456", result.Number);
    }

    [Theory]
    [InlineData(TypeOfNumber.Alphanumeric)]
    [InlineData((TypeOfNumber)7)]
    public void A_ton_that_cannot_address_a_handset_is_refused(TypeOfNumber ton)
    {
        var result = Normalizer.Normalize(new SmppAddress(ton, NumberingPlan.Unknown, "447911123456"), "GB");

        Assert.Equal(NumberFailure.UnsupportedTon, result.Failure);
    }

    [Theory]
    [InlineData(NumberingPlan.Data)]
    [InlineData(NumberingPlan.Telex)]
    [InlineData(NumberingPlan.Internet)]
    public void A_numbering_plan_other_than_telephone_is_refused(NumberingPlan npi)
    {
        var result = Normalizer.Normalize(new SmppAddress(TypeOfNumber.International, npi, "447911123456"), "GB");

        Assert.Equal(NumberFailure.UnsupportedNpi, result.Failure);
    }

    [Theory]
    [InlineData(TypeOfNumber.NetworkSpecific, "12345")]
    [InlineData(TypeOfNumber.Abbreviated, "8888")]
    public void A_short_code_is_kept_as_given(TypeOfNumber ton, string code)
    {
        var result = Normalizer.Normalize(new SmppAddress(ton, NumberingPlan.Unknown, code), "GB");

        Assert.True(result.Succeeded);
        Assert.Equal(code, result.Number);
        Assert.Equal(NumberKind.ShortCode, result.Kind);
    }

    [Fact]
    public void A_short_code_is_refused_when_short_codes_are_not_allowed()
    {
        var strict = new PhoneNumberNormalizer(new PhoneNumberNormalizerOptions { AllowShortCodes = false });

        var result = strict.Normalize(new SmppAddress(TypeOfNumber.NetworkSpecific, NumberingPlan.Unknown, "12345"), "GB");

        Assert.Equal(NumberFailure.ShortCodeNotAllowed, result.Failure);
    }

    [Theory]
    [InlineData("123456789", NumberFailure.ShortCodeNotAllowed)]
    [InlineData("12A45", NumberFailure.InvalidCharacters)]
    [InlineData("", NumberFailure.Empty)]
    public void A_short_code_of_the_wrong_shape_is_refused(string code, NumberFailure expected)
    {
        var result = Normalizer.Normalize(new SmppAddress(TypeOfNumber.NetworkSpecific, NumberingPlan.Unknown, code), "GB");

        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public void A_fixed_line_is_refused_when_mobile_capability_is_required()
    {
        var mobileOnly = new PhoneNumberNormalizer(new PhoneNumberNormalizerOptions { RequireMobileCapable = true });

        Assert.Equal(NumberFailure.NotMobile, mobileOnly.Normalize("+442079460958", "GB").Failure);
        Assert.True(mobileOnly.Normalize("+447911123456", "GB").Succeeded);
        Assert.True(mobileOnly.Normalize("+12025550123", "US").Succeeded);
    }

    [Fact]
    public void A_fixed_line_passes_by_default()
    {
        Assert.Equal("442079460958", Normalizer.Normalize("+442079460958", "GB").Number);
    }

    [Fact]
    public void Knows_which_countries_have_metadata()
    {
        Assert.True(Normalizer.IsKnownCountry("GB"));
        Assert.False(Normalizer.IsKnownCountry("XX"));
    }
}
