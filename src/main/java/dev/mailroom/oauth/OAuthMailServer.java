package dev.mailroom.oauth;

/**
 * What the OAuth feature needs to know of the mail server an OAuth configuration belongs to: its name and host for
 * the admin, and the protocol facts that choose a preset's scope ({@code graph}: it uses Microsoft Graph).
 */
public record OAuthMailServer(OAuthServerRef ref, String name, String host, boolean pop3, boolean graph) {

    String scopeOf(OAuthPreset preset) {
        if (graph && preset == OAuthPreset.MICROSOFT_365) {
            return OAuthPreset.GRAPH_SCOPE;
        }
        return ref.kind() == ServerKind.INCOMING ? preset.incomingScope(pop3) : preset.smtpScope();
    }
}
