package dev.mailroom.oauth;

import java.util.Map;

/**
 * The OAuth 2.0 endpoints and scopes of the providers Mailroom knows; the console's provider presets
 * ({@code console.MailProviderPreset}) point here for their OAuth half. Microsoft 365's URLs name the tenant (Entra ID
 * tenant id or domain, or {@code organizations}); {@code offline_access} asks for a refresh token.
 */
public enum OAuthPreset {
    MICROSOFT_365("Microsoft 365 (Entra ID)",
            "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
            "https://outlook.office.com/IMAP.AccessAsUser.All offline_access",
            "https://outlook.office.com/POP.AccessAsUser.All offline_access",
            "https://outlook.office.com/SMTP.Send offline_access",
            Map.of()),
    GOOGLE("Google",
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
            "https://mail.google.com/", "https://mail.google.com/", "https://mail.google.com/",
            // Google issues a refresh token only for offline access, and again only when consent is asked again.
            Map.of("access_type", "offline", "prompt", "consent")),
    CUSTOM("Custom", null, null, null, null, null, Map.of());

    public static final String TENANT = "{tenant}";
    /**
     * Microsoft Graph's scope for client credentials: the application permissions an admin granted the app in Entra ID
     * (Mail.ReadWrite to read, Mail.Send to send). Graph mailboxes and Graph sending use it with the Microsoft 365 preset.
     */
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private final String label;
    private final String authorizationUrl;
    private final String tokenUrl;
    private final String imapScope;
    private final String pop3Scope;
    private final String smtpScope;
    private final Map<String, String> authorizationParameters;

    OAuthPreset(String label, String authorizationUrl, String tokenUrl, String imapScope, String pop3Scope,
            String smtpScope, Map<String, String> authorizationParameters) {
        this.label = label;
        this.authorizationUrl = authorizationUrl;
        this.tokenUrl = tokenUrl;
        this.imapScope = imapScope;
        this.pop3Scope = pop3Scope;
        this.smtpScope = smtpScope;
        this.authorizationParameters = authorizationParameters;
    }

    public String label() {
        return label;
    }

    public boolean needsTenant() {
        return authorizationUrl != null && authorizationUrl.contains(TENANT);
    }

    /** Null for CUSTOM. */
    public String authorizationUrl(String tenant) {
        return withTenant(authorizationUrl, tenant);
    }

    /** Null for CUSTOM. */
    public String tokenUrl(String tenant) {
        return withTenant(tokenUrl, tenant);
    }

    /** The scope for reading mail over IMAP ({@code pop3 = false}) or POP3; null for CUSTOM. */
    public String incomingScope(boolean pop3) {
        return pop3 ? pop3Scope : imapScope;
    }

    public String smtpScope() {
        return smtpScope;
    }

    /** Extra parameters of the authorization request (Google's offline access). */
    public Map<String, String> authorizationParameters() {
        return authorizationParameters;
    }

    private static String withTenant(String url, String tenant) {
        return url == null || tenant == null ? url : url.replace(TENANT, tenant.strip());
    }
}
