namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>Received and sent mail read by id must look like Graph's message, sender and recipients included.</summary>
public sealed class SandboxMailCsdlTests
{
    [Fact]
    public async Task Sample_mail_read_by_id_uses_only_csdl_properties_and_has_a_sender()
    {
        await using var h = await SandboxHarness.StartAsync();
        Assert.True(h.Mailbox.Mail.Count >= 5);

        foreach (var mail in h.Mailbox.Mail)
        {
            using var full = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/messages/{mail.Id}")));
            using var selected = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/messages/{mail.Id}?$select=from,toRecipients,ccRecipients,subject,bodyPreview,body")));

            foreach (var json in new[] { full.RootElement, selected.RootElement })
            {
                var problems = GraphCsdl.V1.Violations(json, "message");
                Assert.True(problems.Count == 0, string.Join('\n', problems));
            }
            Assert.False(full.RootElement.GetProperty("isDraft").GetBoolean());
            Assert.Equal(mail.From!.Address, selected.RootElement.GetProperty("from").GetProperty("emailAddress").GetProperty("address").GetString());
            Assert.Equal(mail.ToRecipients.Count, selected.RootElement.GetProperty("toRecipients").GetArrayLength());
        }
    }
}
