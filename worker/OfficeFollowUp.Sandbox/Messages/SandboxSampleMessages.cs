namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Sample referrals as they arrive: an introduction received, the reply to it, one the user made,
/// and the look-alikes detection must ignore (a forward, a chamber newsletter to 40 people).
/// </summary>
internal static class SandboxSampleMessages
{
    public const string IntroReceivedSubject = "Intro: Priya ↔ Alex";
    public const string IntroGivenSubject = "Tama, meet José";

    public static void Populate(SandboxMailbox mailbox)
    {
        var now = mailbox.Now;
        var me = new SandboxRecipient(mailbox.User.DisplayName, mailbox.User.Mail);
        var mere = new SandboxRecipient("Mere Parata", "mere@paratalaw.co.nz");
        var priya = new SandboxRecipient("Priya Raghunathan", "priya@brightpathfinance.co.nz");
        var tama = new SandboxRecipient("Tama Ngata", "tama@ngataelectrical.co.nz");
        var jose = new SandboxRecipient("José Fernández", "jose@fernandezbuilders.co.nz");

        mailbox.AddMail(new SandboxMailSeed(mere, [me, priya], IntroReceivedSubject,
            "Kia ora Alex and Priya,\n\nI'd like to introduce you two. Priya runs Brightpath Finance and is looking for an adviser " +
            "to help her structure the business as it grows; Alex is the person I trust most with that.\n\nI'll leave you to it!\n\nMere",
            ReceivedAt: now.AddHours(-20)));
        mailbox.AddMail(new SandboxMailSeed(priya, [me], $"Re: {IntroReceivedSubject}",
            "Thanks Mere (moving you to bcc)! Alex, lovely to e-meet you — would Thursday morning suit for a coffee?\n\n" +
            "On Tue, Mere Parata wrote:\n> I'd like to introduce you two.", [mere], ReceivedAt: now.AddHours(-18)));
        mailbox.AddMail(new SandboxMailSeed(me, [tama, jose], IntroGivenSubject,
            "Tama, meet José. José is fitting out a new workshop in Petone and needs a reliable electrician; " +
            "Tama did our office and I cannot recommend him enough.\n\nOver to you both,\nAlex", Sent: true, ReceivedAt: now.AddDays(-2)));
        mailbox.AddMail(new SandboxMailSeed(new SandboxRecipient("Grace Liu", "grace.liu@summitrealty.co.nz"), [me], "Fwd: Introduction — a buyer's agent",
            "---------- Forwarded message ---------\nFrom: Summit Realty\nSubject: Introduction\n\nI'd like to introduce our new buyer's agent.",
            ReceivedAt: now.AddDays(-1)));
        mailbox.AddMail(new SandboxMailSeed(new SandboxRecipient("Wellington Business Chamber", "events@wellingtonbusinesschamber.org.nz"),
            [me, .. Enumerable.Range(1, 39).Select(i => new SandboxRecipient($"Member {i}", $"member{i}@chamber-member{i}.co.nz"))],
            "Meet our new members",
            "Kia ora koutou,\n\nPlease welcome and introduce yourselves to our newest members at Thursday's breakfast.",
            ReceivedAt: now.AddDays(-3)));
    }
}
