using System.Globalization;
using System.Text;

namespace OfficeFollowUp.Sandbox;

/// <summary>Deterministic realistic people for bulk seeding (benchmarks); emails are unique per generator.</summary>
internal sealed class SandboxPeopleGenerator(int seed)
{
    private static readonly string[] GivenNames =
    [
        "Olivia", "Jack", "Amelia", "Noah", "Isla", "Oliver", "Charlotte", "Leo", "Mia", "George", "Aroha", "Nikau",
        "Mere", "Tama", "Zoë", "Chloé", "Łukasz", "Søren", "José", "María", "Priya", "Arjun", "Wei", "Mei", "Hiroshi",
        "Yuki", "Fatima", "Omar", "Siobhán", "Niamh", "Björn", "Ingrid", "Kwame", "Ama", "Sione", "Losa", "Dmitri",
        "Анна", "Minh-Anh", "Thảo", "Hannah", "Daniel", "Sarah", "James", "Emily", "Samuel", "Grace", "Lucas",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Williams", "Brown", "Wilson", "Taylor", "Ngata", "Parata", "Walker", "Te Rangi", "Tūhoe", "Kim",
        "Liu", "Wang", "Patel", "Singh", "Raghunathan", "Nguyễn", "Tanaka", "Yamamoto", "O'Connell", "Byrne",
        "Ångström", "Østergaard", "Żółć", "Fernández", "García", "Müller", "Dubois", "Rossi", "Mensah", "Tupou",
        "Fa'asavalu", "Ivanova", "MacDonald", "Thompson", "Clarke", "Robinson", "Hall", "Young", "King",
    ];

    private static readonly (string Name, string Domain)[] Companies =
    [
        ("Harbourside Accounting", "harboursideaccounting.co.nz"), ("Kōwhai Marketing", "kowhaimarketing.co.nz"),
        ("Summit Realty", "summitrealty.co.nz"), ("Brightpath Finance", "brightpathfinance.co.nz"),
        ("Ngata Electrical", "ngataelectrical.co.nz"), ("Tidewater Architects", "tidewaterarchitects.co.nz"),
        ("Parata Law", "paratalaw.co.nz"), ("Kererū Coffee Roasters", "kererucoffee.co.nz"),
        ("Clearwater HR", "clearwaterhr.co.nz"), ("Nordlys Renewables", "nordlysrenewables.co.nz"),
        ("Southern Cross IT", "southerncrossit.co.nz"), ("Rimu Joinery", "rimujoinery.co.nz"),
        ("Pōhutukawa Print", "pohutukawaprint.co.nz"), ("Lambton Quay Dental", "lambtonquaydental.co.nz"),
        ("Fernández Builders", "fernandezbuilders.co.nz"), ("Byrne Insurance Brokers", "byrneinsurance.co.nz"),
    ];

    private static readonly string[] JobTitles =
    [
        "Director", "Owner", "Managing Director", "Account Manager", "Business Development Manager", "Consultant",
        "Partner", "Office Manager", "Sales Consultant", "Financial Adviser", "Founder", "Operations Lead",
    ];

    private static readonly string[] FreeMail = ["gmail.com", "outlook.com", "xtra.co.nz", "hotmail.com"];

    private readonly Random _random = new(seed);
    private int _count;

    public SandboxContactSeed Next()
    {
        var n = ++_count;
        var given = Pick(GivenNames);
        var surname = Pick(Surnames);
        var (company, domain) = Pick(Companies);
        var local = $"{Ascii(given)}.{Ascii(surname)}".Trim('.');
        local = (local.Length == 0 ? "contact" : local) + n.ToString(CultureInfo.InvariantCulture);
        var roll = _random.Next(100);
        IReadOnlyList<string> emails = roll switch
        {
            < 8 => [],
            < 14 => [$"{local}@{domain}", $"{local}@{Pick(FreeMail)}"],
            _ => [$"{local}@{domain}"],
        };
        var mobile = _random.Next(3) == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"+64 2{_random.Next(10)} {_random.Next(100, 1000)} {_random.Next(1000, 10000)}");
        return new SandboxContactSeed(given, surname, emails, company, Pick(JobTitles), mobile);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z')
            {
                builder.Append(lower);
            }
            else if (lower is 'ł')
            {
                builder.Append('l');
            }
            else if (lower is 'ø')
            {
                builder.Append('o');
            }
        }

        return builder.ToString();
    }
}
