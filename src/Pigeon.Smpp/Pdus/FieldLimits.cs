namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The size limits the specification's PDU tables give (section 4, "Var. max N"), in one place so that every
/// decoder checks the same numbers. C-octet string maxima count the terminating NUL, exactly as the tables do:
/// a system_id of "max 16" holds at most 15 characters.
/// <code>
/// field                                   max   sections
/// system_id                               16    4.1.1-4.1.7
/// password                                9     4.1.1, 4.1.3, 4.1.5, 4.1.7
/// system_type                             13    4.1.1, 4.1.3, 4.1.5
/// address_range                           41    4.1.1, 4.1.3, 4.1.5
/// service_type                            6     4.4.1, 4.5.1, 4.6.1, 4.7.1, 4.9.1
/// source_addr, destination_addr, dl_name  21    4.4.1, 4.5.1, 4.6.1, 4.8.1, 4.9.1, 4.10.1
/// source_addr, destination_addr, esme_addr 65   4.7.1 (data_sm), 4.12.1 (alert_notification)
/// message_id                              65    4.4.2, 4.5.2, 4.6.2, 4.7.2, 4.8, 4.9.1, 4.10.1
/// schedule_delivery_time, validity_period,
/// final_date                              1|17  empty, or 16 characters (section 7.1.1) and NUL
/// short_message (sm_length)               254   4.4.1, 4.5.1, 4.6.1, 4.10.1
/// number_of_dests, no_unsuccess           254   4.5.1, 4.5.2
/// </code>
/// </summary>
internal static class FieldLimits
{
    public const int SystemId = 16;
    public const int Password = 9;
    public const int SystemType = 13;
    public const int AddressRange = 41;
    public const int ServiceType = 6;
    public const int Address = 21;
    public const int WideAddress = 65;
    public const int DistributionListName = 21;
    public const int MessageId = 65;

    /// <summary>Characters of an SMPP time (section 7.1.1), NUL excluded.</summary>
    public const int TimeCharacters = 16;

    public const int ShortMessage = 254;
    public const int Destinations = 254;
}
