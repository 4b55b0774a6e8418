package dev.mailroom.console;

import dev.mailroom.oauth.OAuthPreset;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.SmtpPorts;

/**
 * The mail providers the server forms know, in one place for receiving and sending. For receiving, choosing one fills
 * host, port and security for the chosen protocol (every one of them speaks SSL/TLS on 993 for IMAP and 995 for POP3);
 * for sending, the provider's SMTP host, port and security. The notes say how the provider lets a program sign in;
 * {@link #oauth()} names the provider's OAuth 2.0 preset, which the server's OAuth 2.0 page starts from.
 */
public enum MailProviderPreset {
    GMAIL("Gmail", "imap.gmail.com", "pop.gmail.com",
            "Turn on 2-Step Verification and sign in with an App Password, not the account password.",
            "smtp.gmail.com", SmtpPorts.SUBMISSION, MailSecurity.STARTTLS,
            "Turn on 2-Step Verification and sign in with an App Password, not the account password."),
    MICROSOFT_365("Microsoft 365", "outlook.office365.com", "outlook.office365.com",
            "Microsoft asks for OAuth 2.0 for IMAP and POP3; a password works only where basic authentication is still allowed.",
            "smtp.office365.com", SmtpPorts.SUBMISSION, MailSecurity.STARTTLS,
            "SMTP AUTH must be allowed for the mailbox; use an App Password where the tenant allows basic authentication."),
    OUTLOOK_COM("Outlook.com", "outlook.office365.com", "outlook.office365.com",
            "Microsoft asks for OAuth 2.0 for IMAP and POP3; a password works only where basic authentication is still allowed.",
            "smtp-mail.outlook.com", SmtpPorts.SUBMISSION, MailSecurity.STARTTLS,
            "With two-step verification on, sign in with an App Password; a password works only where basic authentication is still allowed."),
    YAHOO("Yahoo", "imap.mail.yahoo.com", "pop.mail.yahoo.com",
            "Sign in with an App Password generated in the Yahoo account's security settings.",
            "smtp.mail.yahoo.com", SmtpPorts.SMTPS, MailSecurity.SSL_TLS,
            "Sign in with an App Password generated in the Yahoo account's security settings."),
    ZOHO("Zoho", "imap.zoho.com", "pop.zoho.com",
            "Enable IMAP or POP access in Zoho Mail's settings; with two-factor sign-in use an application-specific password.",
            "smtp.zoho.com", SmtpPorts.SMTPS, MailSecurity.SSL_TLS,
            "With two-factor sign-in use an application-specific password; the From address must be the account's own."),
    ICLOUD("iCloud", "imap.mail.me.com", null,
            "IMAP only; sign in with an app-specific password from the Apple account settings.",
            "smtp.mail.me.com", SmtpPorts.SUBMISSION, MailSecurity.STARTTLS,
            "Sign in with an app-specific password from the Apple account settings."),
    CUSTOM("Custom", null, null, "Enter the host, port and security your mail provider gives for IMAP or POP3.",
            null, null, null, "Enter the host, port and security your mail provider gives for SMTP.");

    private final String label;
    private final String imapHost;
    private final String pop3Host;
    private final String note;
    private final String smtpHost;
    private final Integer smtpPort;
    private final MailSecurity smtpSecurity;
    private final String smtpNote;

    MailProviderPreset(String label, String imapHost, String pop3Host, String note, String smtpHost, Integer smtpPort,
            MailSecurity smtpSecurity, String smtpNote) {
        this.label = label;
        this.imapHost = imapHost;
        this.pop3Host = pop3Host;
        this.note = note;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.smtpSecurity = smtpSecurity;
        this.smtpNote = smtpNote;
    }

    public String label() {
        return label;
    }

    public String imapHost() {
        return imapHost;
    }

    /** Null where the provider offers no POP3. */
    public String pop3Host() {
        return pop3Host;
    }

    /** How to sign in for receiving (IMAP, POP3). */
    public String note() {
        return note;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public Integer smtpPort() {
        return smtpPort;
    }

    public MailSecurity smtpSecurity() {
        return smtpSecurity;
    }

    /** How to sign in for sending (SMTP). */
    public String smtpNote() {
        return smtpNote;
    }

    /** The provider's OAuth 2.0 endpoints and scopes, for a server of this provider that signs in with OAuth 2.0. */
    public OAuthPreset oauth() {
        return switch (this) {
            case GMAIL -> OAuthPreset.GOOGLE;
            case MICROSOFT_365, OUTLOOK_COM -> OAuthPreset.MICROSOFT_365;
            default -> OAuthPreset.CUSTOM;
        };
    }

    /** The preset whose IMAP, POP3 or SMTP host this is; CUSTOM when none. */
    public static MailProviderPreset ofHost(String host) {
        for (MailProviderPreset preset : values()) {
            if (host != null && (host.equalsIgnoreCase(preset.imapHost) || host.equalsIgnoreCase(preset.pop3Host)
                    || host.equalsIgnoreCase(preset.smtpHost))) {
                return preset;
            }
        }
        return CUSTOM;
    }
}
