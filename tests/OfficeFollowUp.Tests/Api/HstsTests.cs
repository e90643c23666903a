using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OfficeFollowUp.Tests.Api;

public sealed class HstsTests
{
    [Fact]
    public async Task Https_responses_for_a_real_host_name_carry_strict_transport_security()
    {
        await using var world = await SandboxWorld.StartAsync();
        var pfx = Path.Combine(world.DataFolder, "tls.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=followup.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "test"));
        }
        await using var worker = await world.StartWorkerAsync(
            "--urls=https://127.0.0.1:0", $"--Kestrel:Certificates:Default:Path={pfx}", "--Kestrel:Certificates:Default:Password=test");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { BaseAddress = worker.BaseAddress };

        using var named = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "followup.example.com" } };
        var response = await client.SendAsync(named);
        var local = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
    }
}
