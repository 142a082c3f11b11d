using System.Text.RegularExpressions;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>
/// The seed document's own sample requests (4.1.2, 4.2.2, 4.3.2), as printed, with the two placeholders filled in:
/// the document's api_token is replaced by a key of ours, and the X's of its numbers by digits. The answers are
/// compared whole with the document's sample responses under the same replacement; reference ids are ours (checked
/// to be stored messages of the customer), and the dynamic sample's sms_body is the text that was sent (the
/// document's sample response repeats "Message Body" for every message, against its own "client provided SMS text").
/// </summary>
[Collection(Dialect002Collection.Name)]
public sealed partial class Dialect002SampleTests(Dialect002Fixture fixture)
{
    private const string SingleRequest = """
        {
        "api_token": "1279-98d2bb25-3f7e-49bf-a1e2-5d1a6c6c588f",
        "sid": "ENGINEERING",
        "msisdn": "88019XXXXXXXX",
        "sms": "Message Body",
        "csms_id": "4473433434pZ684333392"
        }
        """;

    private const string SingleResponse = """
        {
        "status": "SUCCESS",
        "status_code": 200,
        "error_message": "",
        "smsinfo": [
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88019XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body",
        "csms_id": "4473433434pZ684333392",
        "reference_id": "<id>"
        }
        ]
        }
        """;

    private const string BulkRequest = """
        {
        "api_token": "1279-98d2bb25-3f7e-49bf-a1e2-5d1a6c6c588f",
        "sid": "ENGINEERING",
        "msisdn": [
        "019XXXXXXXX",
        "017XXXXXXXX",
        "018XXXXXXXX"
        ],
        "sms": "Message Body",
        "batch_csms_id": "4437343343P3Z684333392"
        }
        """;

    private const string BulkResponse = """
        {
        "status": "SUCCESS",
        "status_code": 200,
        "error_message": "",
        "smsinfo": [
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88019XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body",
        "csms_id": "4437343343P3Z684333392",
        "reference_id": "<id>"
        },
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88017XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body",
        "csms_id": "4437343343P3Z684333392",
        "reference_id": "<id>"
        },
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88018XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body",
        "csms_id": "4437343343P3Z684333392",
        "reference_id": "<id>"
        }
        ]
        }
        """;

    private const string DynamicRequest = """
        {
        "api_token": "1279-98d2bb25-3f7e-49bf-a1e2-5d1a6c6c588f",
        "sid": "ENGINEERING",
        "sms": [
        {
        "text": "Message Body 1",
        "msisdn": "019XXXXXXXX",
        "csms_id":"234444343222"
        },
        {
        "text": "Message Body 2",
        "msisdn": "017XXXXXXXX",
        "csms_id":"222334242244"
        },
        {
        "text": "Message Body 3",
        "msisdn": "018XXXXXXXX",
        "csms_id":"232352235235"
        }
        ]
        }
        """;

    private const string DynamicResponse = """
        {
        "status": "SUCCESS",
        "status_code": 200,
        "error_message": "",
        "smsinfo": [
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88019XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body 1",
        "csms_id": "234444343222",
        "reference_id": "<id>"
        },
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88017XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body 2",
        "csms_id": "222334242244",
        "reference_id": "<id>"
        },
        {
        "sms_status": "SUCCESS",
        "status_message": "Success",
        "msisdn": "88018XXXXXXXX",
        "sms_type": "EN",
        "sms_body": "Message Body 3",
        "csms_id": "232352235235",
        "reference_id": "<id>"
        }
        ]
        }
        """;

    [Fact]
    public async Task The_single_sample_request_is_answered_as_the_sample_response()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Fill(SingleRequest, fixture.TokenB));

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Fill(SingleResponse, fixture.TokenB), body, fixture.CustomerB);
    }

    [Fact]
    public async Task The_single_sample_request_as_GET_query_parameters_is_answered_as_the_sample_response()
    {
        var query = $"/api/v3/send-sms?api_token={fixture.TokenB}&sid=ENGINEERING&msisdn=8801912345678&sms=Message+Body&csms_id=4473433434pZ684333393";

        var (status, body, _) = await fixture.GetAsync(query);

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Fill(SingleResponse, fixture.TokenB).Replace("4473433434pZ684333392", "4473433434pZ684333393", StringComparison.Ordinal), body, fixture.CustomerB);
    }

    [Fact]
    public async Task The_bulk_sample_request_is_answered_as_the_sample_response_with_three_messages()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Fill(BulkRequest, fixture.TokenB));

        Assert.Equal(200, status);
        var ids = await Dialect002Json.AssertAnswerAsync(fixture, Fill(BulkResponse, fixture.TokenB), body, fixture.CustomerB);
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task The_dynamic_sample_request_is_answered_as_the_sample_response_with_each_text()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/dynamic", Fill(DynamicRequest, fixture.TokenB));

        Assert.Equal(200, status);
        var ids = await Dialect002Json.AssertAnswerAsync(fixture, Fill(DynamicResponse, fixture.TokenB), body, fixture.CustomerB);
        Assert.Equal(3, ids.Count);
    }

    /// <summary>The document's placeholders filled in: our token for its token, digits for its X's.</summary>
    private static string Fill(string text, string token) =>
        Placeholder().Replace(text.Replace("1279-98d2bb25-3f7e-49bf-a1e2-5d1a6c6c588f", token, StringComparison.Ordinal), "12345678");

    [GeneratedRegex("X{8}")]
    private static partial Regex Placeholder();
}
