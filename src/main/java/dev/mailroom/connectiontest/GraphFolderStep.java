package dev.mailroom.connectiontest;

import java.util.Optional;

import dev.mailroom.graph.GraphException;
import dev.mailroom.graph.GraphFolders;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.OAuthSignInException;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft Graph mailbox: {@code GET /users/{mailbox}/mailFolders/{folder}} with the access token, as the fetcher
 * does first. Passing proves the token, the app's permission on this mailbox and the folder; it says how many messages
 * the folder holds.
 */
final class GraphFolderStep implements Step<MailboxProbe> {

    private final GraphFolders folders;

    GraphFolderStep(GraphFolders folders) {
        this.folders = folders;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.OPEN_FOLDER;
    }

    @Override
    public Outcome run(MailboxProbe probe) {
        MailConnection c = probe.connection;
        try {
            Optional<JsonNode> folder = folders.find(c.tokenSignIn(), c.username(), c.folder());
            if (folder.isEmpty()) {
                return Outcome.failed("The mailbox " + c.username() + " has no folder " + c.folder(), null,
                        "Enter one of Graph's well-known folder names (Inbox, Archive, JunkEmail …) or the display "
                                + "name of a top-level folder.");
            }
            JsonNode found = folder.get();
            return Outcome.passed("Folder " + found.path("displayName").asString(c.folder()) + " of " + c.username()
                    + " opened through Microsoft Graph: " + found.path("totalItemCount").asInt() + " messages, "
                    + found.path("unreadItemCount").asInt() + " unread", "200 OK");
        } catch (GraphException e) {
            return Outcome.failed("Microsoft Graph refused to open the folder " + c.folder() + " of " + c.username(),
                    e.answer(), e.hint());
        } catch (OAuthSignInException e) {
            return Outcome.failed(e.getMessage(), null, Hints.oauthToken(e.lasting()));
        } catch (RuntimeException e) {
            return Outcome.failed("Microsoft Graph could not be reached: " + e.getMessage(), null,
                    "Check that this node can reach Graph over HTTPS (proxy, firewall) and the setting mailroom.graph.base-url.");
        }
    }
}
