using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>Graph's message JSON, in Graph's order.</summary>
internal static class MessageJson
{
    public static readonly GraphEntityType Type = new("microsoft.graph.message",
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
        "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
        "conversationIndex", "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink",
        "inferenceClassification", "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo",
        "flag", "uniqueBody",
    ]);

    public static void Write(
        Utf8JsonWriter w, SandboxMessage m, IReadOnlySet<string>? select, string? expandPropertyId, string? context)
    {
        bool Has(string name) => select is null || select.Contains(name);

        SandboxJson.StartOutlookItem(w, select, context, m.Id, m.ChangeKey, m.CreatedDateTime, m.LastModifiedDateTime, m.Categories);
        if (Has("receivedDateTime")) w.WriteString("receivedDateTime", SandboxJson.Timestamp(m.SentDateTime ?? m.CreatedDateTime));
        if (Has("sentDateTime")) w.WriteString("sentDateTime", SandboxJson.Timestamp(m.SentDateTime ?? m.CreatedDateTime));
        if (Has("hasAttachments")) w.WriteBoolean("hasAttachments", false);
        if (Has("internetMessageId")) w.WriteString("internetMessageId", m.InternetMessageId);
        if (Has("subject")) SandboxJson.WriteNullable(w, "subject", m.Subject);
        if (Has("bodyPreview")) w.WriteString("bodyPreview", SandboxJson.PreviewOf(m.BodyContentType, m.BodyContent));
        if (Has("importance")) w.WriteString("importance", "normal");
        if (Has("parentFolderId")) w.WriteString("parentFolderId", m.ParentFolderId);
        if (Has("conversationId")) w.WriteString("conversationId", m.ConversationId);
        if (Has("conversationIndex")) w.WriteString("conversationIndex", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(m.ConversationId[..22])));
        if (Has("isDeliveryReceiptRequested")) w.WriteBoolean("isDeliveryReceiptRequested", false);
        if (Has("isReadReceiptRequested")) w.WriteBoolean("isReadReceiptRequested", false);
        if (Has("isRead")) w.WriteBoolean("isRead", true);
        if (Has("isDraft")) w.WriteBoolean("isDraft", m.IsDraft);
        if (Has("webLink")) w.WriteString("webLink", $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(m.Id)}&exvsurl=1&viewmodel=ReadMessageItem");
        if (Has("inferenceClassification")) w.WriteString("inferenceClassification", "focused");
        if (Has("body"))
        {
            w.WriteStartObject("body");
            w.WriteString("contentType", m.BodyContentType);
            w.WriteString("content", m.BodyContent);
            w.WriteEndObject();
        }

        // A draft has no sender until it is sent.
        foreach (var name in (ReadOnlySpan<string>)["sender", "from"])
        {
            if (!Has(name)) continue;
            if (m.From is { } from)
            {
                w.WriteStartObject(name);
                w.WritePropertyName("emailAddress");
                SandboxJson.WriteEmailAddress(w, from.Name ?? from.Address, from.Address);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull(name);
            }
        }
        if (Has("toRecipients")) WriteRecipients(w, "toRecipients", m.ToRecipients);
        if (Has("ccRecipients")) WriteRecipients(w, "ccRecipients", m.CcRecipients);
        if (Has("bccRecipients")) WriteRecipients(w, "bccRecipients", m.BccRecipients);
        if (Has("replyTo")) WriteRecipients(w, "replyTo", []);
        if (Has("flag"))
        {
            w.WriteStartObject("flag");
            w.WriteString("flagStatus", "notFlagged");
            w.WriteEndObject();
        }

        SandboxJson.WriteExpandedProperty(w, m.SingleValueExtendedProperties, expandPropertyId);

        w.WriteEndObject();
    }

    private static void WriteRecipients(Utf8JsonWriter w, string name, IReadOnlyList<SandboxRecipient> recipients)
    {
        w.WriteStartArray(name);
        foreach (var r in recipients)
        {
            w.WriteStartObject();
            w.WritePropertyName("emailAddress");
            SandboxJson.WriteEmailAddress(w, r.Name ?? r.Address, r.Address);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
