using System.Net.Http.Headers;
using OfficeFollowUp.Tests.Auth;

namespace OfficeFollowUp.Tests.Referrals;

/// <summary>
/// "Log as referral" for an organisation's worker (application permissions, a certificate, several
/// mailboxes): the open message is read from the caller's own mailbox at /users/{id}. An app-only
/// token has no /me, and the sandbox refuses /me the way Graph does.
/// </summary>
public sealed class ApplicationModeDetectTests
{
    [Fact]
    public async Task The_open_message_is_read_from_the_callers_mailbox_not_from_me()
    {
        await using var idp = await LocalIdentityProvider.StartAsync();
        await using var world = await SandboxWorld.StartAsync();
        world.Mailbox.ApplicationPermissions = true;
        var upn = world.Mailbox.User.UserPrincipalName;
        await using var worker = await world.StartWorkerAsync(
            "--Mailbox:Mode=Application",
            $"--Mailbox:Mailboxes:0={upn}",
            $"--Auth:Authority={idp.Authority}",
            $"--Auth:Audience={LocalIdentityProvider.Audience}",
            $"--Auth:AllowedTenants:0={LocalIdentityProvider.Tenant}",
            $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}");
        var connected = await worker.Get<SyncApplicationMailboxes>().RunOnceAsync(upn, CancellationToken.None);
        using var owner = worker.Client(paired: false);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idp.Token(world.Mailbox.User.Id));
        var intro = world.Mailbox.Mail.Single(m => m.Subject == "Intro: Priya ↔ Alex").Id;

        var found = await owner.GetFromJsonAsync<JsonElement>($"/api/referrals/detect?messageId={Uri.EscapeDataString(intro)}");

        Assert.True(connected.Connected);
        Assert.True(found.GetProperty("isIntroduction").GetBoolean());
        Assert.Equal("received", found.GetProperty("direction").GetString());
        Assert.Equal("priya@brightpathfinance.co.nz", found.GetProperty("prospect").GetProperty("email").GetString());
    }
}
