package dev.mailroom.oauth;

/** Where a server's OAuth sign-in stands, as the API and console show it. */
public enum OAuthState {
    NOT_AUTHORIZED("not authorized yet"),
    AUTHORIZED("authorized"),
    REAUTHORIZATION_NEEDED("re-authorization needed");

    private final String label;

    OAuthState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static OAuthState of(OAuthClient client) {
        if (client.tokens().reauthorizationNeeded()) {
            return REAUTHORIZATION_NEEDED;
        }
        boolean ready = client.settings().grantType() == GrantType.CLIENT_CREDENTIALS || client.tokens().authorized();
        return ready ? AUTHORIZED : NOT_AUTHORIZED;
    }
}
