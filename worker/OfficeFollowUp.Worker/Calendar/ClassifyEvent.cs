namespace OfficeFollowUp.Calendar;

/// <summary>Is this a networking event? The user's own mark wins; then the category; then subject keywords.</summary>
public static class ClassifyEvent
{
    public static NetworkingReason? Run(CalendarEventFacts calendarEvent, bool? userMark, CalendarOptions options)
    {
        if (userMark is { } marked)
        {
            return marked ? NetworkingReason.Marked : null;
        }

        if (calendarEvent.IsCancelled)
        {
            return null;
        }

        if (calendarEvent.Categories.Any(c => string.Equals(c.Trim(), options.NetworkingCategory, StringComparison.OrdinalIgnoreCase)))
        {
            return NetworkingReason.Category;
        }

        var subject = calendarEvent.Subject;
        return options.SubjectKeywords.Any(k => ContainsWord(subject, k)) ? NetworkingReason.Keyword : null;
    }

    /// <summary>Whole-word match, so "chamber" matches "Chamber mixer" but "bni" does not match "Sabnis".</summary>
    private static bool ContainsWord(string text, string keyword)
    {
        var index = 0;
        while ((index = text.IndexOf(keyword, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var afterIndex = index + keyword.Length;
            var after = afterIndex >= text.Length || !char.IsLetterOrDigit(text[afterIndex]);
            if (before && after)
            {
                return true;
            }
            index++;
        }
        return false;
    }
}
