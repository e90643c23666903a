namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The sample mailbox a newcomer sees: a realistic mix of people, including the awkward cases detection
/// must handle (no email, two emails, unicode names, a group address, the user's own address).
/// </summary>
internal static class SandboxSampleData
{
    public const string EventsFolderName = "Met at events";

    public static void Populate(SandboxMailbox mailbox)
    {
        var now = mailbox.Now;
        var eventsFolder = mailbox.AddContactFolder(EventsFolderName);
        var age = 0;
        DateTimeOffset Older() => now.AddDays(-(200 - (age++ * 11)));

        foreach (var seed in DefaultFolderPeople(mailbox.User))
        {
            mailbox.Contacts.Add(seed, null, Older());
        }

        foreach (var seed in EventPeople)
        {
            mailbox.Contacts.Add(seed, eventsFolder, Older());
        }
    }

    private static IEnumerable<SandboxContactSeed> DefaultFolderPeople(SandboxUser user) =>
    [
        new("Zoë", "Ångström", ["zoe@angstromdesign.co.nz"], "Ångström Design Studio", "Creative Director", "+64 21 555 0142"),
        new("Łukasz", "Żółć", ["lukasz.zolc@kiwiledger.co.nz"], "Kiwi Ledger Accounting", "Partner", "+64 22 555 0178"),
        new("花子", "山田", ["hanako.yamada@sakura-trading.co.jp"], "Sakura Trading Co.", "Export Manager")
        {
            DisplayName = "山田 花子",
        },
        new("Sarah", "O'Connell", [], "O'Connell Plumbing & Gas", "Owner", "+64 27 555 0193")
        {
            PersonalNotes = "Met at the chamber breakfast; prefers a phone call.",
        },
        new("Priya", "Raghunathan", ["priya@brightpathfinance.co.nz", "priya.raghunathan@gmail.com"], "Brightpath Finance", "Mortgage Adviser", "+64 21 555 0117"),
        new("Wellington Business", "Chamber", ["info@wellingtonbusinesschamber.org.nz"], "Wellington Business Chamber")
        {
            DisplayName = "Wellington Business Chamber",
            BusinessPhones = ["+64 4 555 0100"],
        },
        new(user.GivenName, user.Surname, [user.Mail], "Harbourlight Advisory", "Principal"),
        new("Tama", "Ngata", ["tama@ngataelectrical.co.nz"], "Ngata Electrical", "Director", "+64 21 555 0164"),
        new("Daniel", "Kim", [], "Kim & Partners Physiotherapy", "Physiotherapist", "+64 22 555 0131"),
        new("Mere", "Parata", ["mere@paratalaw.co.nz"], "Parata Law", "Barrister and Solicitor")
        {
            BusinessPhones = ["+64 4 555 0188"],
        },
        new("José", "Fernández", ["jose@fernandezbuilders.co.nz"], "Fernández Builders", "Site Manager", "+64 27 555 0155"),
        new("Grace", "Liu", ["grace.liu@summitrealty.co.nz"], "Summit Realty", "Sales Consultant", "+64 21 555 0126"),
    ];

    private static readonly SandboxContactSeed[] EventPeople =
    [
        new("François", "Dubois", ["francois@duboiswines.co.nz"], "Dubois Wines", "Winemaker", "+64 21 555 0109"),
        new("Aroha", "Walker", ["aroha.walker@kowhaimarketing.co.nz"], "Kōwhai Marketing", "Account Director"),
        new("Ben", "Thompson", [], "Thompson Landscapes", "Owner", "+64 27 555 0170"),
        new("Siobhán", "Byrne", ["siobhan@byrneinsurance.co.nz"], "Byrne Insurance Brokers", "Broker", "+64 22 555 0122"),
    ];

    /// <summary>"The user came back from a mixer": people the sample script adds after the baseline.</summary>
    public static readonly SandboxContactSeed[] MixerPeople =
    [
        new("Sofía", "Martínez-Ortega", ["sofia@tidewaterarchitects.co.nz", "sofia.martinez.ortega@gmail.com"], "Tidewater Architects", "Principal Architect", "+64 21 555 0190")
        {
            PersonalNotes = "Designing a co-working space in Te Aro; wants an introduction to a commercial lawyer.",
        },
        new("Björn", "Østergaard", ["bjorn@nordlysrenewables.co.nz"], "Nordlys Renewables", "Managing Director", "+64 27 555 0137"),
        new("Anahera", "Rāwiri", ["anahera@kererucoffee.co.nz"], "Kererū Coffee Roasters", "Founder", "+64 22 555 0148")
        {
            PersonalNotes = "Looking for a bookkeeper; I promised to send Łukasz's details.",
        },
        new("Minh-Anh", "Nguyễn", ["minhanh.nguyen@clearwaterhr.co.nz"], "Clearwater HR", "HR Consultant"),
    ];
}
