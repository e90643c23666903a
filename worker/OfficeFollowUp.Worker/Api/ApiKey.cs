using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Api;

/// <summary>
/// The local pairing key: made on first start, kept in a file only the user can read, printed once on
/// the console so the task pane can be paired. Compared in constant time.
/// </summary>
public sealed class ApiKey
{
    private readonly Lazy<byte[]> _key;

    public ApiKey(IOptions<StoreOptions> store)
    {
        FilePath = Path.Combine(store.Value.DataFolder, "api-key");
        _key = new Lazy<byte[]>(() => Encoding.ASCII.GetBytes(LoadOrCreate(FilePath)));
    }

    public string FilePath { get; }

    public string Value => Encoding.ASCII.GetString(_key.Value);

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), _key.Value);

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        PrivateDataFolder.CreateFolderIfMissing(Path.GetDirectoryName(path)!);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        using (var stream = PrivateDataFolder.CreateFile(path))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key);
        }
        return key;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
