package dev.mailroom.graph;

/** What an admin can do about one of Graph's refusals, for audit messages and Test Connection. */
public final class GraphHints {

    private GraphHints() {
    }

    /** A hint for this answer, or null when there is nothing to add to Graph's own message. */
    public static String of(GraphResponse response) {
        return switch (response.status()) {
            case 401 -> "Graph did not accept the access token: check that the OAuth 2.0 Scope is "
                    + "https://graph.microsoft.com/.default (client credentials) or includes Mail.ReadWrite and Mail.Send "
                    + "(delegated), and that the token is for this tenant";
            case 403 -> "the app lacks the Mail.ReadWrite (reading) or Mail.Send (sending) application permission, or an "
                    + "admin has not granted consent for it in Entra ID; an Exchange application access policy may also "
                    + "keep the app out of this mailbox";
            case 404 -> response.errorCode().contains("User") || response.errorCode().contains("Mailbox")
                    ? "no mailbox with this address in the tenant; check the username (the mailbox address)"
                    : "not found; check the mailbox address and the folder name";
            case 429, 503 -> "Graph is throttling this app or busy; Mailroom tries again later";
            default -> response.status() >= 500 ? "Graph had trouble of its own; Mailroom tries again later" : null;
        };
    }
}
