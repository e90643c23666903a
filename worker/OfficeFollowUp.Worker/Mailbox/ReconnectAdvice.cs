namespace OfficeFollowUp.Mailbox;

/// <summary>
/// What to do when the mailbox refuses the worker's sign-in, in the words of the person who can act:
/// the user signs in again with a device code; with application permissions only an administrator
/// can fix the app registration. The same text goes to the log and to the pane's Health view.
/// </summary>
public static class ReconnectAdvice
{
    public static string For(MailboxOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UsesStaticUrl && !settings.UsesApplicationPermissions)
        {
            return "The Graph endpoint at Mailbox:GraphBaseUrl refused the worker (it runs without sign-in there): check that endpoint, then restart the worker.";
        }

        return settings.EffectiveMode switch
        {
            MailboxMode.Application =>
                "An administrator must check the app registration: that its certificate is the one the worker is configured with "
                + "(Mailbox:CertificatePath or Mailbox:CertificateThumbprint) and not expired, and that admin consent for its "
                + "application permissions is granted; then restart the worker.",
            MailboxMode.Sandbox =>
                "Restart the worker: the sandbox mailbox needs no sign-in.",
            _ =>
                "Restart the worker and sign in again with the code it prints (Microsoft 365 device sign-in).",
        };
    }
}
