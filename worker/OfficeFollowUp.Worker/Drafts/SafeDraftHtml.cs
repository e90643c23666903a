using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficeFollowUp.Drafts;

/// <summary>A draft's body fit for the pane: paragraphs, line breaks and highlighted parts, everything else as text.</summary>
public sealed record SafeDraftBody(string Html, string Text);

/// <summary>
/// A draft the user edited in Outlook holds whatever HTML Outlook wrote (styles, spans, conditional comments). The pane
/// shows it without running any of it: this keeps only paragraphs (<c>&lt;p&gt;</c>), line breaks and the product's
/// highlight (<c>&lt;mark&gt;</c>), re-encodes all text, and drops head, style and script content whole.
/// </summary>
public static partial class SafeDraftHtml
{
    public static SafeDraftBody From(string? body, bool isHtml)
    {
        if (string.IsNullOrEmpty(body))
        {
            return new SafeDraftBody(string.Empty, string.Empty);
        }

        if (!isHtml)
        {
            var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n");
            var html = new StringBuilder();
            foreach (var paragraph in lines.Where(p => p.Trim().Length > 0))
            {
                html.Append("<p>").Append(string.Join("<br>", paragraph.Trim().Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>");
            }
            return new SafeDraftBody(html.ToString(), body.Trim());
        }

        var paragraphs = new List<List<(string Text, bool Marked)>>();
        var current = new List<(string Text, bool Marked)>();
        var marked = 0;
        var cleaned = Dropped().Replace(Comments().Replace(body, string.Empty), string.Empty);
        var at = 0;
        foreach (Match tag in Tags().Matches(cleaned))
        {
            Add(current, cleaned[at..tag.Index], marked > 0);
            at = tag.Index + tag.Length;
            var name = tag.Groups[2].Value.ToLowerInvariant();
            var closing = tag.Groups[1].Value == "/";
            switch (name)
            {
                case "mark":
                    marked = Math.Max(0, marked + (closing ? -1 : 1));
                    break;
                case "br":
                    current.Add(("\n", false));
                    break;
                case "p" or "div" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "blockquote" or "table":
                    Flush(paragraphs, ref current);
                    break;
            }
        }

        Add(current, cleaned[at..], marked > 0);
        Flush(paragraphs, ref current);

        var safe = new StringBuilder();
        var text = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            safe.Append("<p>");
            var plain = new StringBuilder();
            foreach (var (run, isMarked) in paragraph)
            {
                if (run == "\n")
                {
                    safe.Append("<br>");
                }
                else if (isMarked)
                {
                    safe.Append("<mark>").Append(WebUtility.HtmlEncode(run)).Append("</mark>");
                }
                else
                {
                    safe.Append(WebUtility.HtmlEncode(run));
                }
                plain.Append(run);
            }
            safe.Append("</p>");
            text.Add(plain.ToString());
        }

        return new SafeDraftBody(safe.ToString(), string.Join("\n\n", text));
    }

    private static void Add(List<(string Text, bool Marked)> runs, string raw, bool marked)
    {
        var text = WebUtility.HtmlDecode(Space().Replace(raw, " "));
        if (text.Length == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].Marked == marked && runs[^1].Text != "\n")
        {
            runs[^1] = (runs[^1].Text + text, marked);
        }
        else
        {
            runs.Add((text, marked));
        }
    }

    /// <summary>Ends a paragraph: spaces trimmed at its edges and around line breaks, blank ones dropped.</summary>
    private static void Flush(List<List<(string Text, bool Marked)>> paragraphs, ref List<(string Text, bool Marked)> current)
    {
        var runs = current;
        current = [];
        for (var i = 0; i < runs.Count; i++)
        {
            var (text, isMarked) = runs[i];
            if (text == "\n")
            {
                continue;
            }
            if (i == 0 || runs[i - 1].Text == "\n")
            {
                text = text.TrimStart();
            }
            if (i == runs.Count - 1 || runs[i + 1].Text == "\n")
            {
                text = text.TrimEnd();
            }
            runs[i] = (text, isMarked);
        }

        runs.RemoveAll(r => r.Text.Length == 0);
        while (runs.Count > 0 && runs[0].Text == "\n")
        {
            runs.RemoveAt(0);
        }
        while (runs.Count > 0 && runs[^1].Text == "\n")
        {
            runs.RemoveAt(runs.Count - 1);
        }
        if (runs.Count > 0)
        {
            paragraphs.Add(runs);
        }
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<(script|style|head|title)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Dropped();

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
