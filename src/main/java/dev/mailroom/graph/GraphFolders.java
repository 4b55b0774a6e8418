package dev.mailroom.graph;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;
import tools.jackson.databind.JsonNode;

/**
 * Finds a mail folder of a Graph mailbox by the name an admin typed: one of Graph's well-known folder names (Inbox,
 * Archive, DeletedItems …, any case) or the display name of a top-level folder.
 */
@Component
public class GraphFolders {

    private static final Set<String> WELL_KNOWN = Set.of("inbox", "archive", "deleteditems", "drafts", "junkemail",
            "sentitems", "outbox", "clutter", "conversationhistory", "scheduled", "msgfolderroot");

    private final GraphApi api;

    GraphFolders(GraphApi api) {
        this.api = api;
    }

    /** A folder as Graph describes it ({@code id}, {@code displayName}, {@code totalItemCount} …), or empty. */
    public Optional<JsonNode> find(TokenSignIn signIn, String mailbox, String name)
            throws OAuthSignInException, GraphException {
        String wellKnown = name.replace(" ", "").toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(wellKnown)) {
            GraphResponse response = api.get(signIn, api.userUri(mailbox, "mailFolders", wellKnown));
            return found(response, "open the folder " + name + " of " + mailbox);
        }
        String filter = "$filter=" + GraphApi.queryValue("displayName eq '" + name.replace("'", "''") + "'");
        URI uri = api.userQuery(mailbox, filter, "mailFolders");
        GraphResponse response = api.get(signIn, uri);
        Optional<JsonNode> list = found(response, "list the folders of " + mailbox);
        return list.flatMap(body -> body.path("value").isEmpty() ? Optional.empty()
                : Optional.of(body.path("value").get(0)));
    }

    private static Optional<JsonNode> found(GraphResponse response, String doing) throws GraphException {
        if (response.ok()) {
            return Optional.of(response.json());
        }
        if (response.status() == 404 && !response.errorCode().contains("User") && !response.errorCode().contains("Mailbox")) {
            return Optional.empty();
        }
        throw new GraphException(doing, response);
    }
}
