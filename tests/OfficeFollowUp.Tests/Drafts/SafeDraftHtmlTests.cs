namespace OfficeFollowUp.Tests.Drafts;

/// <summary>A draft's body as the pane may show it: paragraphs, breaks and highlights kept, everything else text.</summary>
public sealed class SafeDraftHtmlTests
{
    [Theory]
    [InlineData("<p>Hi Priya,</p><p>Best wishes,<br>Alex</p>", "<p>Hi Priya,</p><p>Best wishes,<br>Alex</p>", "Hi Priya,\n\nBest wishes,\nAlex")]
    [InlineData("<p><mark style=\"background-color:#fff176\">[You mentioned: moving &mdash; say something]</mark></p>",
        "<p><mark>[You mentioned: moving \u2014 say something]</mark></p>", "[You mentioned: moving \u2014 say something]")]
    [InlineData("<html><head><style>p{color:red}</style></head><body><p onclick=\"x()\">&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien</p><script>alert(2)</script></body></html>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien</p>", "<script>alert(1)</script> O'Brien")]
    [InlineData("<div dir=\"ltr\"><span style=\"font-size:11pt\">Thanks   for\n the <b>intro</b>.</span></div><div><br></div><!-- x --><div>Sam</div>",
        "<p>Thanks for the intro.</p><p>Sam</p>", "Thanks for the intro.\n\nSam")]
    [InlineData("<p><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">link</a></p>", "<p>link</p>", "link")]
    public void Only_paragraphs_breaks_and_highlights_survive(string html, string safe, string text)
    {
        var body = SafeDraftHtml.From(html, isHtml: true);
        Assert.Equal(safe, body.Html);
        Assert.Equal(text, body.Text);
    }

    [Fact]
    public void A_text_body_is_encoded_into_paragraphs()
    {
        var body = SafeDraftHtml.From("Hi <Sam>,\r\n\r\nThanks\r\nAlex", isHtml: false);
        Assert.Equal("<p>Hi &lt;Sam&gt;,</p><p>Thanks<br>Alex</p>", body.Html);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(9, false)]
    [InlineData(60, true)]
    public void A_draft_changed_after_it_was_made_was_edited_by_the_user(int secondsLater, bool edited)
    {
        var made = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(edited, ReadPreparedDraft.IsEdited(made, made.AddSeconds(secondsLater)));
    }

    [Fact]
    public void The_default_wording_follows_the_mailbox_language_and_falls_back_to_English()
    {
        var english = DefaultTemplates.For(DraftKind.ThankYou, "en");
        Assert.Equal(english, DefaultTemplates.For(DraftKind.ThankYou, "en-NZ"));
        Assert.Equal(english, DefaultTemplates.For(DraftKind.ThankYou, "fr-FR"));
        Assert.StartsWith("Hallo {FirstName},", DefaultTemplates.For(DraftKind.ThankYou, "de-DE").Body, StringComparison.Ordinal);
        Assert.Equal(english, DefaultTemplates.For(DraftKind.ThankYou, null));
        var own = new DraftTemplate("Kia ora {FirstName}", "Kia ora {FirstName},");
        Assert.Equal(own, DefaultTemplates.Choose(DraftKind.ThankYou, new Dictionary<DraftKind, DraftTemplate> { [DraftKind.ThankYou] = own }, "de-DE"));
        Assert.Equal(english, DefaultTemplates.Choose(DraftKind.ThankYou, new Dictionary<DraftKind, DraftTemplate>(), "en-GB"));
    }
}
