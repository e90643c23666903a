namespace OfficeFollowUp.Tests.FollowUps;

/// <summary>
/// Every kind of draft and hold, rendered for a fixed set of inputs, is pinned byte for byte: the
/// wording, the markup and the encoding of what came from a contact or the user.
/// </summary>
public class RenderedNoteTests
{
    public static TheoryData<string> Cases => [.. RenderedNoteCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_note_renders_byte_for_byte_as_pinned(string name)
    {
        Assert.Equal(Pinned[name], RenderedNoteCases.All[name]());
    }

    [Fact]
    public void Every_case_is_pinned_and_every_pin_has_a_case()
    {
        Assert.Equal(RenderedNoteCases.All.Keys.Order(StringComparer.Ordinal), Pinned.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Each kind of draft and hold, with each kind of hostile text.</summary>
    public static TheoryData<string, string> HostileTexts
    {
        get
        {
            string[] texts =
            [
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "Tom & Jerry's",
                "\"quoted\" and 'single'",
                "\u202Egnp.exe \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
                "party \U0001F389 time \U0001F469\u200D\U0001F4BB",
                "line\r\nBcc: evil@example.org\u0000\u0007",
                "Zo\u00EB &amp; &lt;b&gt;",
            ];
            var data = new TheoryData<string, string>();
            foreach (var kind in RenderedNoteCases.Kinds.Keys)
            {
                foreach (var text in texts)
                {
                    data.Add(kind, text);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_is_encoded_in_every_kind_of_draft_and_hold(string kind, string hostile)
    {
        var (subject, html) = RenderedNoteCases.Kinds[kind](hostile);
        var oneLine = new string([.. hostile.Select(c => char.IsControl(c) ? ' ' : c)]);

        // Whatever part of it a field shows (a first name is its first word), it is shown encoded, never as markup.
        Assert.Contains(WebUtility.HtmlEncode(oneLine), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => char.IsControl(c));
        Assert.DoesNotContain(subject, c => char.IsControl(c));
        Assert.Equal(html.Split("<p>").Length - 1, html.Split("</p>").Length - 1);
    }

    private static readonly Dictionary<string, string> Pinned = new()
    {
        ["thank-you, everything known"] =
            "Great to meet you, Priya\n---\n<p>Hi Priya,</p><p>Thank you for taking the time to talk at Chamber business mixer &mdash; it was good to meet you. I have been thinking about what you said: her firm is moving to Ponsonby.</p><p>As promised: <a href=\"https://example.org/leasing-guide?ref=mixer&amp;x=1\">https://example.org/leasing-guide?ref=mixer&amp;x=1</a></p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>Alex</p>",
        ["thank-you, a display name and a company"] =
            "Great to meet you, Sam\n---\n<p>Hi Sam,</p><p>Thank you for taking the time to talk &mdash; it was good to meet you. I enjoyed hearing about your work and what you are building at Baker &amp; Sons.</p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>Alex Morgan, Morgan Consulting</p>",
        ["thank-you, a promise that is not a link"] =
            "Great to meet you, Kim\n---\n<p>Hi Kim,</p><p>Thank you for taking the time to talk &mdash; it was good to meet you. I enjoyed hearing about your work.</p><p>As promised: the name of my accountant</p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>Alex</p>",
        ["thank-you, hostile"] =
            "Great to meet you, <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB\n---\n<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;,</p><p>Thank you for taking the time to talk at &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; &mdash; it was good to meet you. I have been thinking about what you said: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;.</p><p>As promised: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p>",
        ["thank-you, a hostile link"] =
            "Great to meet you, Eve\n---\n<p>Hi Eve,</p><p>Thank you for taking the time to talk &mdash; it was good to meet you. I enjoyed hearing about your work.</p><p>As promised: <a href=\"https://example.org/a?q=%3Cb%3E&amp;r=%22x%22&amp;s=&#39;y&#39;\">https://example.org/a?q=&lt;b&gt;&amp;r=&quot;x&quot;&amp;s=&#39;y&#39;</a></p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>Alex</p>",
        ["thank-you, line breaks"] =
            "Great to meet you, Jo\n---\n<p>Hi Jo,</p><p>Thank you for taking the time to talk &mdash; it was good to meet you. I have been thinking about what you said: line one line two tab.</p><p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p><p>Best wishes,<br>Alex  Morgan Consulting</p>",
        ["hold, met at an event"] =
            "Hold: 1-2-1 with Priya Raman\n---\n<p>A private hold for a one-to-one with Priya Raman (priya@harbourlaw.co.nz), placed by OfficeFollowUp.</p><p>You met at Chamber business mixer on Tuesday 24 November.</p><p>To remember: her firm is moving</p><p>You promised: an intro to Jo</p><p>To book it, add Priya Raman as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>",
        ["hold, met without an event"] =
            "Hold: 1-2-1 with Priya Raman\n---\n<p>A private hold for a one-to-one with Priya Raman (priya@harbourlaw.co.nz), placed by OfficeFollowUp.</p><p>You met on Tuesday 24 November.</p><p>To book it, add Priya Raman as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>",
        ["hold, no meeting known"] =
            "Hold: 1-2-1 with Priya Raman\n---\n<p>A private hold for a one-to-one with Priya Raman (priya@harbourlaw.co.nz), placed by OfficeFollowUp.</p><p>To book it, add Priya Raman as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>",
        ["hold, hostile"] =
            "Hold: 1-2-1 with <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB\n---\n<p>A private hold for a one-to-one with &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; (a&amp;b@example.org), placed by OfficeFollowUp.</p><p>You met at &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; on Tuesday 24 November.</p><p>To remember: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p><p>You promised: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p><p>To book it, add &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>",
        ["hold, line breaks"] =
            "Hold: 1-2-1 with Priya Raman\n---\n<p>A private hold for a one-to-one with Priya Raman (priya@harbourlaw.co.nz), placed by OfficeFollowUp.</p><p>You met on Tuesday 24 November.</p><p>To remember: line one line two</p><p>You promised: a b</p><p>To book it, add Priya Raman as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>",
        ["referral intro, copying the partner"] =
            "Sam suggested we talk\n---\n<p>Hi Alex,</p><p>Sam Taylor suggested I get in touch about leasing advice.</p><p>I have copied Sam so they know we have connected.</p><p>I would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?</p><p>Best wishes,<br>Mere</p>\n---\nHi Alex,\n\nSam Taylor suggested I get in touch about leasing advice.\n\nI have copied Sam so they know we have connected.\n\nI would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?\n\nBest wishes,\nMere",
        ["referral intro, no need given"] =
            "Sam suggested we talk\n---\n<p>Hi Alex,</p><p>Sam Taylor suggested I get in touch.</p><p>I would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?</p><p>Best wishes,<br>Mere</p>\n---\nHi Alex,\n\nSam Taylor suggested I get in touch.\n\nI would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?\n\nBest wishes,\nMere",
        ["referral check-in, with the date"] =
            "Were you able to reach Alex?\n---\n<p>Hi Sam,</p><p>A quick check-in on Alex Chen, whom I introduced you to on 18 November. Were you able to reach Alex?</p><p>If anything got in the way, let me know and I will nudge from my side.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nA quick check-in on Alex Chen, whom I introduced you to on 18 November. Were you able to reach Alex?\n\nIf anything got in the way, let me know and I will nudge from my side.\n\nBest wishes,\nMere",
        ["referral check-in, no date"] =
            "Were you able to reach Alex?\n---\n<p>Hi Sam,</p><p>A quick check-in on Alex Chen, whom I introduced you to. Were you able to reach Alex?</p><p>If anything got in the way, let me know and I will nudge from my side.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nA quick check-in on Alex Chen, whom I introduced you to. Were you able to reach Alex?\n\nIf anything got in the way, let me know and I will nudge from my side.\n\nBest wishes,\nMere",
        ["referral close, won"] =
            "Thank you \u2014 good news about Alex\n---\n<p>Hi Sam,</p><p>Thank you again for introducing me to Alex Chen. I wanted you to hear it from me: it went well, and we are now working together.</p><p>Your trust made that possible, and I do not take it for granted.</p><p>They signed a two-year lease.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you again for introducing me to Alex Chen. I wanted you to hear it from me: it went well, and we are now working together.\n\nYour trust made that possible, and I do not take it for granted.\n\nThey signed a two-year lease.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere",
        ["referral close, in progress"] =
            "An update on Alex\n---\n<p>Hi Sam,</p><p>Thank you for introducing me to Alex Chen. We have been in touch and things are moving; I will let you know how it turns out.</p><p>They signed a two-year lease.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you for introducing me to Alex Chen. We have been in touch and things are moving; I will let you know how it turns out.\n\nThey signed a two-year lease.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nBest wishes,\nMere",
        ["referral close, not a fit"] =
            "About Alex\n---\n<p>Hi Sam,</p><p>Thank you for thinking of me for Alex Chen. We talked, and honestly what Alex needs is not where I am strongest.</p><p>If you know someone who specialises in what Alex needs, they would be a better fit than me.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you for thinking of me for Alex Chen. We talked, and honestly what Alex needs is not where I am strongest.\n\nIf you know someone who specialises in what Alex needs, they would be a better fit than me.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere",
        ["referral close, not a fit with a better fit"] =
            "About Alex\n---\n<p>Hi Sam,</p><p>Thank you for thinking of me for Alex Chen. We talked, and honestly what Alex needs is not where I am strongest.</p><p>I think Jo at Harbour Leasing would be a better fit, and I have said so to Alex.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you for thinking of me for Alex Chen. We talked, and honestly what Alex needs is not where I am strongest.\n\nI think Jo at Harbour Leasing would be a better fit, and I have said so to Alex.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere",
        ["referral close, no response"] =
            "Alex and I have not connected yet\n---\n<p>Hi Sam,</p><p>Thank you for the introduction to Alex Chen. I reached out a few times, but we have not managed to connect.</p><p>If you are in touch with them, a gentle nudge would be welcome; no pressure either way, and the door stays open.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you for the introduction to Alex Chen. I reached out a few times, but we have not managed to connect.\n\nIf you are in touch with them, a gentle nudge would be welcome; no pressure either way, and the door stays open.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere",
        ["referral close, poor meeting"] =
            "Thank you for introducing me to Alex\n---\n<p>Hi Sam,</p><p>Thank you for connecting me with Alex Chen. We met, and we did not find an immediate way to help each other.</p><p>That happens, and I am grateful you thought of me. I am happy to stay in touch with them if something changes.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere</p>\n---\nHi Sam,\n\nThank you for connecting me with Alex Chen. We met, and we did not find an immediate way to help each other.\n\nThat happens, and I am grateful you thought of me. I am happy to stay in touch with them if something changes.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere",
        ["referral intro, hostile"] =
            "<script>alert('x')</script> suggested we talk\n---\n<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,</p><p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; suggested I get in touch about &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;.</p><p>I have copied &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; so they know we have connected.</p><p>I would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?</p><p>Best wishes,<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p>\n---\nHi <script>alert('x')</script>,\n\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB suggested I get in touch about <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB.\n\nI have copied <script>alert('x')</script> so they know we have connected.\n\nI would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?\n\nBest wishes,\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB",
        ["referral check-in, hostile"] =
            "Were you able to reach <script>alert('x')</script>?\n---\n<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,</p><p>A quick check-in on &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;, whom I introduced you to on 24 November. Were you able to reach &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;?</p><p>If anything got in the way, let me know and I will nudge from my side.</p><p>Best wishes,<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p>\n---\nHi <script>alert('x')</script>,\n\nA quick check-in on <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB, whom I introduced you to on 24 November. Were you able to reach <script>alert('x')</script>?\n\nIf anything got in the way, let me know and I will nudge from my side.\n\nBest wishes,\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB",
        ["referral close, won, hostile"] =
            "Thank you \u2014 good news about <script>alert('x')</script>\n---\n<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,</p><p>Thank you again for introducing me to &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;. I wanted you to hear it from me: it went well, and we are now working together.</p><p>Your trust made that possible, and I do not take it for granted.</p><p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;.</p><p>Best wishes,<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p>\n---\nHi <script>alert('x')</script>,\n\nThank you again for introducing me to <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB. I wanted you to hear it from me: it went well, and we are now working together.\n\nYour trust made that possible, and I do not take it for granted.\n\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB.\n\nBest wishes,\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB",
        ["referral close, not a fit, hostile"] =
            "About <script>alert('x')</script>\n---\n<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,</p><p>Thank you for thinking of me for &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;. We talked, and honestly what &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; needs is not where I am strongest.</p><p>I think &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235; would be a better fit, and I have said so to &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;.</p><p>Best wishes,<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD &#127881; Zo&#235;</p>\n---\nHi <script>alert('x')</script>,\n\nThank you for thinking of me for <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB. We talked, and honestly what <script>alert('x')</script> needs is not where I am strongest.\n\nI think <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB would be a better fit, and I have said so to <script>alert('x')</script>.\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: <script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB.\n\nBest wishes,\n<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89 Zo\u00EB",
        ["referral close, line breaks"] =
            "An update on Alex\n---\n<p>Hi Sam,</p><p>Thank you for introducing me to Alex Chen. We have been in touch and things are moving; I will let you know how it turns out.</p><p>signed  the lease</p><p>Is there someone I could introduce you to in return? Tell me who would make your week.</p><p>And as a reminder of what helps me most: owners of growing trade businesses.</p><p>Best wishes,<br>Mere Taylor</p>\n---\nHi Sam,\n\nThank you for introducing me to Alex Chen. We have been in touch and things are moving; I will let you know how it turns out.\n\nsigned  the lease\n\nIs there someone I could introduce you to in return? Tell me who would make your week.\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\nBest wishes,\nMere Taylor",
    };
}
