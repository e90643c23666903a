using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Tests.Integration;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>Mailbox:AuthorityHost: where the worker signs in, for national clouds as for the public one.</summary>
public sealed class AuthorityHostTests
{
    [Fact]
    public async Task A_plain_http_authority_host_stops_the_worker_naming_the_key()
    {
        await using var world = await SandboxWorld.StartAsync();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => world.StartWorkerAsync("--Mailbox:AuthorityHost=http://login.microsoftonline.com/"));

        Assert.Contains("Mailbox:AuthorityHost", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/", true)]
    [InlineData("https://login.microsoftonline.us/", true)]
    [InlineData("https://login.chinacloudapi.cn/", true)]
    [InlineData("http://login.microsoftonline.com/", false)]
    [InlineData("login.microsoftonline.us", false)]
    [InlineData("", false)]
    public void The_authority_host_must_be_an_absolute_https_url(string authorityHost, bool accepted)
    {
        var result = new MailboxOptionsValidator().Validate(new MailboxOptions { AuthorityHost = authorityHost });

        Assert.Equal(accepted, !result.Errors.Any(e => e.ErrorMessage.Contains("Mailbox:AuthorityHost", StringComparison.Ordinal)));
    }
}
