namespace OfficeFollowUp.Tests.FollowUps;

public class ThankYouTemplateTests
{
    private static NewAcquaintanceDraftFacts Facts(string displayName, string? given = null, string? company = null, string? signature = null) =>
        new("them@example.org", displayName, given, company, "Alex Morgan", "Alex", signature);

    [Fact]
    public void The_note_greets_them_by_first_name_and_is_signed_by_the_user()
    {
        var draft = ThankYouTemplate.Render(Facts("Priya Raman", "Priya", "Harbour Law"));

        Assert.Equal("Great to meet you, Priya", draft.Subject);
        Assert.StartsWith("<p>Hi Priya,</p>", draft.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Harbour Law", draft.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("Best wishes,<br>Alex</p>", draft.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(("them@example.org", "Priya Raman"), (draft.RecipientAddress, draft.RecipientName));
    }

    [Fact]
    public void Contact_supplied_text_is_html_encoded()
    {
        var draft = ThankYouTemplate.Render(Facts("<script>alert(1)</script> Evil", "<script>alert(1)</script>", "Acme & <b>Sons</b>"));

        Assert.DoesNotContain("<script>", draft.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", draft.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", draft.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Acme &amp; &lt;b&gt;Sons&lt;/b&gt;", draft.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_given_name_the_first_word_of_the_display_name_is_used()
    {
        Assert.Equal("Great to meet you, Zoë", ThankYouTemplate.Render(Facts("Zoë Ångström")).Subject);
    }

    [Fact]
    public void A_configured_signature_replaces_the_users_first_name()
    {
        var draft = ThankYouTemplate.Render(Facts("Sam Baker", "Sam", signature: "Alex Morgan, Morgan Consulting"));

        Assert.EndsWith("Alex Morgan, Morgan Consulting</p>", draft.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_does_not_sell()
    {
        var body = ThankYouTemplate.Render(Facts("Sam Baker", "Sam", "Bakery")).HtmlBody.ToLowerInvariant();

        foreach (var pitch in new[] { "discount", "offer", "buy", "our services", "pricing", "book a demo" })
        {
            Assert.DoesNotContain(pitch, body, StringComparison.Ordinal);
        }
    }
}
