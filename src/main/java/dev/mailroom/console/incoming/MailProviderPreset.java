package dev.mailroom.console.incoming;

/**
 * The mail providers the form knows: choosing one fills host, port and security for the chosen protocol (every one
 * of them speaks SSL/TLS on 993 for IMAP and 995 for POP3). The note says how the provider lets a program sign in.
 */
public enum MailProviderPreset {
    GMAIL("Gmail", "imap.gmail.com", "pop.gmail.com",
            "Turn on 2-Step Verification and sign in with an App Password, not the account password."),
    MICROSOFT_365("Microsoft 365", "outlook.office365.com", "outlook.office365.com",
            "Microsoft asks for OAuth 2.0 for IMAP and POP3; a password works only where basic authentication is still allowed."),
    OUTLOOK_COM("Outlook.com", "outlook.office365.com", "outlook.office365.com",
            "Microsoft asks for OAuth 2.0 for IMAP and POP3; a password works only where basic authentication is still allowed."),
    YAHOO("Yahoo", "imap.mail.yahoo.com", "pop.mail.yahoo.com",
            "Sign in with an App Password generated in the Yahoo account's security settings."),
    ZOHO("Zoho", "imap.zoho.com", "pop.zoho.com",
            "Enable IMAP or POP access in Zoho Mail's settings; with two-factor sign-in use an application-specific password."),
    ICLOUD("iCloud", "imap.mail.me.com", null,
            "IMAP only; sign in with an app-specific password from the Apple account settings."),
    CUSTOM("Custom", null, null, "Enter the host, port and security your mail provider gives for IMAP or POP3.");

    private final String label;
    private final String imapHost;
    private final String pop3Host;
    private final String note;

    MailProviderPreset(String label, String imapHost, String pop3Host, String note) {
        this.label = label;
        this.imapHost = imapHost;
        this.pop3Host = pop3Host;
        this.note = note;
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

    public String note() {
        return note;
    }
}
