using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", true)]
    [InlineData("https://graph.microsoft.us/v1.0", true)]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", true)]
    [InlineData("http://127.0.0.1:5100/v1.0", true)]
    [InlineData("https://graph.contoso.example/v1.0", false)]
    [InlineData("http://graph.microsoft.com/v1.0", false)]
    public void Graph_must_be_one_of_graphs_own_hosts_which_the_sdk_sends_the_token_to(string graphBaseUrl, bool accepted)
    {
        var result = new MailboxOptionsValidator().Validate(new MailboxOptions { GraphBaseUrl = graphBaseUrl });

        Assert.Equal(accepted, !result.Errors.Any(e => e.ErrorMessage.Contains("Mailbox:GraphBaseUrl", StringComparison.Ordinal)));
    }
}
