using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Drafts;

/// <param name="Language">The language the shown wording is written in ("en", "de"): the words around it in a draft follow it.</param>
/// <param name="Tag">The kind's ETag, to send as If-Match with its PUT or DELETE; <c>"template-default"</c> while it was never saved.</param>
public sealed record TemplateDto(string Kind, string Subject, string Body, bool Custom, IReadOnlyList<string> Slots, string DefaultSubject, string DefaultBody, string Language,
    string Tag = TemplateEndpoints.DefaultTag);

public sealed record TemplatesDto(IReadOnlyList<TemplateDto> Items);

/// <summary>A template rendered for a sample person: the subject, the body as text and as the draft's HTML, how many parts the user would edit, and the language it is written in.</summary>
public sealed record TemplatePreviewDto(string Subject, string Text, string Html, int ToEdit, string Language);

/// <summary>
/// The user's own wording for each kind of draft: list, change, preview with a sample person, reset to the default.
/// Each kind carries an ETag (its row version): a PUT or DELETE with If-Match lands only if nobody saved that kind since
/// (412 otherwise), so two panes never silently overwrite each other. Without If-Match (older panes) it lands as before.
/// </summary>
public static class TemplateEndpoints
{
    /// <summary>The ETag of a kind never saved: its wording is the default.</summary>
    public const string DefaultTag = "\"template-default\"";

    public static RouteGroupBuilder MapTemplates(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", ListAsync);
        api.MapPut("/templates/{kind}", PutAsync);
        api.MapPost("/templates/{kind}/preview", PreviewAsync);
        api.MapDelete("/templates/{kind}", ResetAsync);
        return api;
    }

    /// <summary>Before the mailbox is connected nothing is the user's yet: the defaults.</summary>
    private static async Task<Ok<TemplatesDto>> ListAsync(CallerMailbox mailboxes, TemplateStore store, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var own = mailbox is null ? new Dictionary<DraftKind, DraftTemplate>() : await store.ListAsync(mailbox.Profile.MailboxId, ct);
        var versions = mailbox is null ? new Dictionary<DraftKind, long>() : await store.VersionsAsync(mailbox.Profile.MailboxId, ct);
        var language = mailbox?.Profile.Language;
        return TypedResults.Ok(new TemplatesDto([.. Enum.GetValues<DraftKind>()
            .Select(k => ToDto(k, own.TryGetValue(k, out var t) ? t : null, language, versions.GetValueOrDefault(k, TemplateStore.DefaultVersion)))]));
    }

    private static async Task<Results<Ok<TemplateDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string kind, TemplateRequest request, ConnectedMailbox mailbox, TemplateStore store, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (DraftKinds.Parse(kind) is not { } draftKind)
        {
            return NoSuchKind(kind);
        }

        if (!IfMatch(http, out var ifVersion))
        {
            return await ChangedAsync(draftKind, mailbox, store, http, ct);
        }

        var template = Written(request.ToTemplate(), mailbox.Profile.Language);
        if (UnknownSlots(draftKind, template) is { } problem)
        {
            return problem;
        }

        if (!await store.SaveAsync(mailbox.Id, draftKind, template, ifVersion, time.GetUtcNow(), ct))
        {
            return await ChangedAsync(draftKind, mailbox, store, http, ct);
        }

        var version = await store.VersionAsync(mailbox.Id, draftKind, ct);
        http.Response.Headers.ETag = Tag(version);
        return TypedResults.Ok(ToDto(draftKind, template, mailbox.Profile.Language, version));
    }

    private static async Task<Results<Ok<TemplateDto>, ProblemHttpResult>> ResetAsync(string kind, ConnectedMailbox mailbox, TemplateStore store, HttpContext http, CancellationToken ct)
    {
        if (DraftKinds.Parse(kind) is not { } draftKind)
        {
            return NoSuchKind(kind);
        }

        if (!IfMatch(http, out var ifVersion) || !await store.ResetAsync(mailbox.Id, draftKind, ifVersion, ct))
        {
            return await ChangedAsync(draftKind, mailbox, store, http, ct);
        }

        http.Response.Headers.ETag = DefaultTag;
        return TypedResults.Ok(ToDto(draftKind, null, mailbox.Profile.Language));
    }

    internal static string Tag(long version) =>
        version == TemplateStore.DefaultVersion ? DefaultTag : string.Create(CultureInfo.InvariantCulture, $"\"template-{version}\"");

    /// <summary>
    /// The version the request's If-Match names: null without one (accepted as before, for older panes); false when it
    /// names none of our tags, which then matches nothing.
    /// </summary>
    private static bool IfMatch(HttpContext http, out long? version)
    {
        version = null;
        if (http.Request.Headers.IfMatch.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList([http.Request.Headers.IfMatch.ToString()], out var tags) || tags.Count != 1
            || tags[0].Tag.Value is not { } quoted)
        {
            return false;
        }

        if (quoted == DefaultTag)
        {
            version = TemplateStore.DefaultVersion;
            return true;
        }

        const string prefix = "\"template-";
        if (quoted.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(quoted.AsSpan(prefix.Length, quoted.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed != TemplateStore.DefaultVersion)
        {
            version = parsed;
            return true;
        }

        return false;
    }

    /// <summary>412, with the kind's current ETag, so the pane can reload it.</summary>
    private static async Task<ProblemHttpResult> ChangedAsync(DraftKind kind, ConnectedMailbox mailbox, TemplateStore store, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.ETag = Tag(await store.VersionAsync(mailbox.Id, kind, ct));
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Wording changed",
            detail: "This wording was changed elsewhere since you opened it. Reload it and make your change again.");
    }

    private static async Task<Results<Ok<TemplatePreviewDto>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string kind, TemplateRequest request, CallerMailbox mailboxes, EffectiveSettings settings, IOptions<ReferralOptions> referralOptions, CancellationToken ct)
    {
        if (DraftKinds.Parse(kind) is not { } draftKind)
        {
            return NoSuchKind(kind);
        }

        var template = request.ToTemplate();
        if (UnknownSlots(draftKind, template) is { } problem)
        {
            return problem;
        }

        var mailbox = await mailboxes.GetAsync(ct);
        template = Written(template, mailbox?.Profile.Language);
        var signature = mailbox is null ? settings.Configured.Signature : (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).FollowUps.Signature;
        var me = mailbox?.Profile.DisplayName ?? "Alex Morgan";
        return TypedResults.Ok(SamplePerson.Render(draftKind, template, me, mailbox?.Profile.GivenName, signature, referralOptions.Value.LookingFor, mailbox?.Profile.Language));
    }

    /// <summary>
    /// The wording with the language it is written in: what its words show, else the language of the default the user
    /// started from (the mailbox's). Kept with it, so the draft's frame stays in that language whatever the mailbox says later.
    /// </summary>
    private static DraftTemplate Written(DraftTemplate template, string? mailboxLanguage) =>
        template with { Language = DraftLanguage.Detect(template) ?? DefaultTemplates.LanguageOf(mailboxLanguage) };

    private static ValidationProblem? UnknownSlots(DraftKind kind, DraftTemplate template)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, text) in new[] { ("subject", template.Subject), ("body", template.Body) })
        {
            var unknown = RenderDraft.UnknownSlots(kind, text);
            if (unknown.Count > 0)
            {
                errors[field] = [.. unknown.Select(s => $"{{{s}}} is not a slot of this draft; it can use {string.Join(", ", DraftKinds.Slots(kind).Select(k => "{" + k + "}"))}.")];
            }
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static ProblemHttpResult NoSuchKind(string kind) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such kind of draft",
            detail: $"The kinds are {string.Join(", ", Enum.GetValues<DraftKind>().Select(DraftKinds.Name))}.");

    private static TemplateDto ToDto(DraftKind kind, DraftTemplate? own, string? language, long version = TemplateStore.DefaultVersion)
    {
        var byDefault = DefaultTemplates.For(kind, language);
        var shown = own ?? byDefault;
        return new TemplateDto(DraftKinds.Name(kind), shown.Subject, shown.Body, own is not null, DraftKinds.Slots(kind), byDefault.Subject, byDefault.Body,
            DraftLanguage.Of(shown, language), Tag(version));
    }
}

/// <summary>
/// The sample person a template preview is rendered for: every fact known, a private note in the third person. What
/// the user is looking for is a sample too while Referrals:LookingFor is blank (as it is unless configured), so every
/// line of the template shows; a real draft leaves that sentence out instead.
/// </summary>
public static class SamplePerson
{
    public static TemplatePreviewDto Render(DraftKind kind, DraftTemplate template, string myName, string? myGivenName, string? signature, string? lookingFor, string? language = null)
    {
        // The sample person speaks the language the wording is written in, and every part of the preview (the count of
        // parts to edit too) is rendered in that language.
        var written = DraftLanguage.Of(template, language);
        var german = written == DefaultTemplates.German;
        if (kind == DraftKind.ThankYou)
        {
            var facts = german
                ? new NewAcquaintanceDraftFacts("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", myName, myGivenName, signature,
                    "Unternehmerfrühstück der IHK", "ihre Kanzlei zieht nach Ponsonby", "den Leitfaden zur Gewerbemiete", "LinkedIn", "Managing Partner", Language: written)
                : new NewAcquaintanceDraftFacts("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", myName, myGivenName, signature,
                    "Chamber business mixer", "her firm is moving to Ponsonby", "the leasing guide", "LinkedIn", "Managing partner", Language: written);
            var (subject, body) = ThankYouTemplate.Preview(facts, template);
            var toEdit = RenderDraft.Render(template, ThankYouTemplate.Slots(facts), ThankYouTemplate.Asked(facts)).ToEdit;
            return new TemplatePreviewDto(subject, body.Text, body.Html, toEdit, written);
        }

        if (kind == DraftKind.Birthday)
        {
            var birthday = german
                ? new KeepInTouch.BirthdayDraftFacts("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", myName, myGivenName, signature,
                    "plant eine Reise nach Japan", Language: written)
                : new KeepInTouch.BirthdayDraftFacts("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", myName, myGivenName, signature,
                    "is planning a trip to Japan", Language: written);
            var card = KeepInTouch.BirthdayTemplate.Note(birthday, template);
            return new TemplatePreviewDto(card.Subject, card.Text, card.Html, RenderDraft.Render(template, KeepInTouch.BirthdayTemplate.Slots(birthday)).ToEdit, written);
        }

        var sender = !string.IsNullOrWhiteSpace(signature) ? signature.Trim() : myGivenName ?? myName.Split(' ')[0];
        var referral = german
            ? new ReferralNoteFacts("Sam Taylor", "Alex Chen", "Beratung zum Mietvertrag", sender, string.IsNullOrWhiteSpace(lookingFor) ? "Inhaber wachsender Handwerksbetriebe" : lookingFor,
                CopyPartner: true, ReferredAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), BetterFit: "Jo von Harbour Leasing",
                OutcomeNote: "sie haben einen Mietvertrag über zwei Jahre unterschrieben", Language: written)
            : new ReferralNoteFacts("Sam Taylor", "Alex Chen", "leasing advice", sender, string.IsNullOrWhiteSpace(lookingFor) ? "owners of growing trade businesses" : lookingFor,
                CopyPartner: true, ReferredAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), BetterFit: "Jo at Harbour Leasing",
                OutcomeNote: "they signed a two-year lease", Language: written);
        var note = ReferralTemplates.Render(kind, referral, template);
        return new TemplatePreviewDto(note.Subject, note.Text, note.Html, RenderDraft.Render(template, ReferralTemplates.Slots(kind, referral)).ToEdit, written);
    }
}
