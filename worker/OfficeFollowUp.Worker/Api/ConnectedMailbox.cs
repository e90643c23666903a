using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Api;

/// <summary>
/// The caller's own mailbox, connected: what an endpoint that reads or changes mailbox data works on.
/// An endpoint asks for it as a parameter; <see cref="ResolveConnectedMailbox"/> fills it before the
/// endpoint runs, or answers for it when the mailbox is not connected yet.
/// </summary>
public sealed class ConnectedMailbox
{
    private StoredMailbox? _stored;
    private TimeZoneInfo? _zone;

    public StoredMailbox Stored => _stored ?? throw new InvalidOperationException("The connected mailbox is read before ResolveConnectedMailbox ran; map the endpoint under /api.");

    public MailboxProfile Profile => Stored.Profile;

    public string Id => Profile.MailboxId;

    /// <summary>The mailbox's time zone: due times, working hours and dates are the user's (DESIGN.md rule 6).</summary>
    public TimeZoneInfo Zone => _zone ??= MailboxTimeZone.Resolve(Profile.TimeZoneId);

    /// <summary>Whether <see cref="ResolveConnectedMailbox"/> found the caller's mailbox for this request.</summary>
    internal bool IsConnected => _stored is not null;

    internal void Connect(StoredMailbox stored) => _stored = stored;
}

/// <summary>What an endpoint answers when the caller's mailbox is not connected yet, instead of <see cref="ResolveConnectedMailbox.NotConnected"/>: an empty list, say, or the 404 of an item that cannot exist.</summary>
public sealed record NotConnectedAnswer(Func<HttpContext, IResult> Answer);

/// <summary>
/// For every endpoint that takes a <see cref="ConnectedMailbox"/>: looks up the caller's mailbox
/// (<see cref="CallerMailbox"/>, after the body passed validation) and answers one "not connected"
/// problem when there is none, unless the endpoint (or its group) declares its own answer with
/// <see cref="WhenNotConnected{TBuilder}(TBuilder, Func{HttpContext, IResult})"/>.
/// </summary>
public static class ResolveConnectedMailbox
{
    public static TBuilder ResolveConnectedMailboxes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // The endpoint's metadata is read when its filter is built, after the endpoint's own conventions added theirs.
        builder.Add(endpoint => endpoint.FilterFactories.Add((context, next) => Create(context, next, endpoint.Metadata)));
        return builder;
    }

    public static TBuilder WhenNotConnected<TBuilder>(this TBuilder builder, Func<HttpContext, IResult> answer) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotConnectedAnswer(answer));

    public static TBuilder WhenNotConnected<TBuilder>(this TBuilder builder, Func<IResult> answer) where TBuilder : IEndpointConventionBuilder =>
        builder.WhenNotConnected(_ => answer());

    /// <summary>The one answer for an action that needs a connected mailbox.</summary>
    public static ProblemHttpResult NotConnected() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Mailbox not connected", detail: "Connect the mailbox first.");

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next, IList<object> metadata)
    {
        if (!context.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(ConnectedMailbox)))
        {
            return next;
        }

        // The most specific declaration wins: the endpoint's own comes after its group's.
        var answer = metadata.OfType<NotConnectedAnswer>().LastOrDefault();
        return async invocation =>
        {
            var services = invocation.HttpContext.RequestServices;
            var stored = await services.GetRequiredService<CallerMailbox>().GetAsync(invocation.HttpContext.RequestAborted);
            if (stored is null)
            {
                return answer is null ? NotConnected() : answer.Answer(invocation.HttpContext);
            }
            services.GetRequiredService<ConnectedMailbox>().Connect(stored);
            return await next(invocation);
        };
    }
}
