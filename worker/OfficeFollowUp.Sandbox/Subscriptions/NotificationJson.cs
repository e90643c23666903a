using System.Globalization;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Graph's JSON for a subscription and for a changeNotificationCollection; only properties the v1.0 CSDL defines for
/// subscription, changeNotification and changeNotificationCollection (resourceData is an open type).
/// </summary>
internal static class NotificationJson
{
    /// <summary>Graph writes the expiry with seven fractional digits and an offset.</summary>
    public static string Expiry(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);

    public static void WriteSubscription(Utf8JsonWriter w, SandboxSubscription s, string applicationId, string? context)
    {
        w.WriteStartObject();
        if (context is not null)
        {
            w.WriteString("@odata.context", context);
        }

        w.WriteString("id", s.Id);
        w.WriteString("resource", s.Resource);
        w.WriteString("applicationId", applicationId);
        w.WriteString("changeType", s.ChangeType);
        SandboxJson.WriteNullable(w, "clientState", s.ClientState);
        w.WriteString("notificationUrl", s.NotificationUrl);
        w.WriteNull("notificationQueryOptions");
        SandboxJson.WriteNullable(w, "lifecycleNotificationUrl", s.LifecycleNotificationUrl);
        w.WriteString("expirationDateTime", Expiry(s.ExpirationDateTime));
        w.WriteString("creatorId", s.CreatorId);
        w.WriteBoolean("includeResourceData", false);
        w.WriteString("latestSupportedTlsVersion", "v1_2");
        w.WriteNull("encryptionCertificate");
        w.WriteNull("encryptionCertificateId");
        w.WriteNull("notificationUrlAppId");
        w.WriteEndObject();
    }

    /// <summary>One change notification, as the only item of a changeNotificationCollection.</summary>
    public static byte[] ChangeNotification(
        SandboxSubscription s, string tenantId, string userId, SandboxItemChange change) => SandboxJson.Write(w =>
    {
        var (type, segment) = change.Kind switch
        {
            SandboxItemKind.Contact => ("#Microsoft.Graph.Contact", "Contacts"),
            SandboxItemKind.Event => ("#Microsoft.Graph.Event", "Events"),
            _ => ("#Microsoft.Graph.Message", "Messages"),
        };
        var resource = $"Users/{userId}/{segment}/{change.Id}";
        w.WriteStartObject();
        w.WriteStartArray("value");
        w.WriteStartObject();
        w.WriteString("subscriptionId", s.Id);
        w.WriteString("subscriptionExpirationDateTime", Expiry(s.ExpirationDateTime));
        w.WriteString("changeType", change.Type switch
        {
            SandboxChangeType.Created => "created",
            SandboxChangeType.Updated => "updated",
            _ => "deleted",
        });
        w.WriteString("resource", resource);
        w.WriteStartObject("resourceData");
        w.WriteString("@odata.type", type);
        w.WriteString("@odata.id", resource);
        if (change.ChangeKey is not null)
        {
            w.WriteString("@odata.etag", $"W/\"{change.ChangeKey}\"");
        }

        w.WriteString("id", change.Id);
        w.WriteEndObject();
        if (s.ClientState is not null)
        {
            w.WriteString("clientState", s.ClientState);
        }

        w.WriteString("tenantId", tenantId);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One changeNotificationCollection holding the notifications of several, in order.</summary>
    public static byte[] Merge(IEnumerable<byte[]> collections) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("value");
        foreach (var body in collections)
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var item in doc.RootElement.GetProperty("value").EnumerateArray())
            {
                item.WriteTo(w);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] LifecycleNotification(SandboxSubscription s, string tenantId, SandboxLifecycleEvent lifecycleEvent) =>
        SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            w.WriteStartObject();
            w.WriteString("subscriptionId", s.Id);
            w.WriteString("subscriptionExpirationDateTime", Expiry(s.ExpirationDateTime));
            w.WriteString("tenantId", tenantId);
            if (s.ClientState is not null)
            {
                w.WriteString("clientState", s.ClientState);
            }

            w.WriteString("lifecycleEvent", lifecycleEvent switch
            {
                SandboxLifecycleEvent.ReauthorizationRequired => "reauthorizationRequired",
                SandboxLifecycleEvent.SubscriptionRemoved => "subscriptionRemoved",
                _ => "missed",
            });
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
}
