using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace OfficeFollowUp.FollowUps;

/// <summary>
/// Words for a draft or a hold, built in two forms at once: HTML for the body, plain text for the
/// subject, previews and plain-text clients. A template writes <c>$"Thank you, {name}."</c>: as an
/// interpolated string handler this type encodes every inserted string for HTML, and keeps it on one
/// line without control characters in both forms, as the sentence is built, so no template can
/// forget to. The template's own words are text as well (HTML-encoded like the rest); the only
/// markup is what this type makes itself (<see cref="LineBreak"/>, <see cref="EmDash"/>,
/// <see cref="Link"/>), and there is deliberately no way to turn a plain string into markup.
/// </summary>
[InterpolatedStringHandler]
public readonly struct NoteText
{
    private readonly StringBuilder _html;
    private readonly StringBuilder _text;

    public NoteText(int literalLength, int formattedCount)
    {
        _html = new StringBuilder(literalLength + (formattedCount * 16));
        _text = new StringBuilder(literalLength + (formattedCount * 16));
    }

    private NoteText(string html, string text)
    {
        _html = new StringBuilder(html);
        _text = new StringBuilder(text);
    }

    /// <summary>A line break inside a paragraph (the sign-off's "Best wishes,⏎name").</summary>
    public static NoteText LineBreak => new("<br>", "\n");

    /// <summary>The dash the thank-you note has always written as the named entity.</summary>
    public static NoteText EmDash => new("&mdash;", "\u2014");

    /// <summary>
    /// A part the user must rewrite before sending (their private note, a gap to fill): in brackets, and highlighted in
    /// the HTML so it is seen on the draft's first screen. The text is encoded like any other.
    /// </summary>
    public static NoteText Placeholder(string text)
    {
        var shown = "[" + OneLine(text) + "]";
        return new($"<mark style=\"background-color:#fff176\">{WebUtility.HtmlEncode(shown)}</mark>", shown);
    }

    /// <summary>Note text made of the template's own words, for templates read from settings rather than written in code.</summary>
    public static NoteText Literal(string words)
    {
        var text = new NoteText(words.Length, 0);
        text.AppendLiteral(words);
        return text;
    }

    public string Html => _html?.ToString() ?? string.Empty;

    public string Text => _text?.ToString() ?? string.Empty;

    /// <summary>A web address shown as itself and linked; both the address and the shown text are encoded.</summary>
    public static NoteText Link(Uri address, string shown)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = OneLine(shown);
        return new($"<a href=\"{WebUtility.HtmlEncode(address.AbsoluteUri)}\">{WebUtility.HtmlEncode(text)}</a>", text);
    }

    /// <summary>The template's own words: text, encoded for HTML like everything else.</summary>
    public void AppendLiteral(string literal)
    {
        _html.Append(WebUtility.HtmlEncode(literal));
        _text.Append(literal);
    }

    /// <summary>Inserted text: encoded for HTML, and on one line without control characters in both forms.</summary>
    public void AppendFormatted(string value)
    {
        var text = OneLine(value);
        _html.Append(WebUtility.HtmlEncode(text));
        _text.Append(text);
    }

    /// <summary>A fragment that was itself built as note text.</summary>
    public void AppendFormatted(NoteText fragment)
    {
        _html.Append(fragment.Html);
        _text.Append(fragment.Text);
    }

    /// <summary>Inserted text on one line, without control characters (no header or layout tricks in plain text).</summary>
    private static string OneLine(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }
}

/// <summary>The body of a draft or a hold: HTML paragraphs, and the same as plain-text paragraphs.</summary>
public sealed record NoteBody(string Html, string Text)
{
    public static NoteBody Paragraphs(IEnumerable<NoteText> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var html = new StringBuilder();
        var text = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(paragraph.Html).Append("</p>");
            text.Add(paragraph.Text);
        }

        return new NoteBody(html.ToString(), string.Join("\n\n", text));
    }
}
