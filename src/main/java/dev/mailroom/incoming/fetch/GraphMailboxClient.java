package dev.mailroom.incoming.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

import dev.mailroom.graph.GraphApi;
import dev.mailroom.graph.GraphException;
import dev.mailroom.graph.GraphFolders;
import dev.mailroom.graph.GraphResponse;
import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft 365 mailbox folder read through Graph's delta query: the first poll walks the folder's messages page by
 * page ({@code @odata.nextLink}), and the {@code @odata.deltaLink} at the end is where the next poll resumes, so it
 * sees only what changed since. The link reached is the mailbox's {@link #cursor()}, saved by the poller with the
 * messages it covers; until then a poll starts again from the old link, and messages already stored (or reported again
 * because they were marked read) are left out by their id. Ids are Graph's immutable ids, which survive a move.
 */
final class GraphMailboxClient implements MailboxClient {

    private static final Logger log = LoggerFactory.getLogger(GraphMailboxClient.class);

    private final GraphApi api;
    private final GraphFolders folders;
    private final TokenSignIn signIn;
    private final String mailbox;
    private final String folderId;
    private final Deque<RemoteMessage> page = new ArrayDeque<>();
    /** Where the next page is read from; null once the delta link is reached. */
    private URI nextPage;
    /** The link that follows the page being handed out: the cursor once that page is all handed out. */
    private String afterPage;
    private String cursor;
    private boolean connected = true;

    private GraphMailboxClient(GraphApi api, GraphFolders folders, TokenSignIn signIn, String mailbox, String folderId,
            String cursor) {
        this.api = api;
        this.folders = folders;
        this.signIn = signIn;
        this.mailbox = mailbox;
        this.folderId = folderId;
        this.cursor = cursor;
        this.nextPage = cursor != null ? URI.create(cursor) : firstPage();
    }

    static GraphMailboxClient open(GraphApi api, GraphFolders folders, MailConnection connection, String cursor)
            throws MessagingException {
        TokenSignIn signIn = connection.tokenSignIn();
        if (signIn == null) {
            throw new OAuthSignInException("a Microsoft Graph mailbox signs in with OAuth 2.0 only; configure OAuth 2.0 "
                    + "(client credentials with the Mail.ReadWrite application permission) and authorize this server", true, null);
        }
        String mailbox = connection.username();
        JsonNode folder = folders.find(signIn, mailbox, connection.folder()).orElseThrow(() -> new FolderNotFoundException(
                (Folder) null, "Folder " + connection.folder() + " does not exist in the mailbox " + mailbox));
        return new GraphMailboxClient(api, folders, signIn, mailbox, folder.path("id").asString(), cursor);
    }

    private URI firstPage() {
        return api.userQuery(mailbox, "$select=id,receivedDateTime", "mailFolders", folderId, "messages", "delta");
    }

    @Override
    public Long validity() {
        return null;
    }

    @Override
    public String cursor() {
        return cursor;
    }

    @Override
    public List<RemoteMessage> newMessages(long afterPosition, Function<Collection<String>, Set<String>> alreadyStored,
            int limit) throws MessagingException {
        List<RemoteMessage> result = new ArrayList<>();
        while (result.size() < limit) {
            if (page.isEmpty()) {
                if (afterPage != null) {
                    cursor = afterPage;
                    afterPage = null;
                }
                if (nextPage == null) {
                    break;
                }
                readPage(alreadyStored);
                continue;
            }
            result.add(page.poll());
        }
        if (page.isEmpty() && afterPage != null) {
            cursor = afterPage;
            afterPage = null;
        }
        return result;
    }

    /** One delta page: its new messages (oldest first) queued, and where to go on from it. */
    private void readPage(Function<Collection<String>, Set<String>> alreadyStored) throws MessagingException {
        GraphResponse response = call(() -> api.get(signIn, nextPage, "odata.maxpagesize=" + api.pageSize(),
                "IdType=\"ImmutableId\""));
        if (!response.ok() && cursor != null && nextPage.toString().equals(cursor) && syncStateLost(response)) {
            log.warn("Graph mailbox {}: the saved delta link is no longer valid ({}); reading the folder from the start",
                    mailbox, response.describe());
            cursor = null;
            nextPage = firstPage();
            return;
        }
        require(response, "list the messages of " + mailbox);
        JsonNode body = response.json();
        List<JsonNode> added = new ArrayList<>();
        for (JsonNode item : body.path("value")) {
            if (!item.has("@removed") && item.hasNonNull("id")) {
                added.add(item);
            }
        }
        Set<String> known = added.isEmpty() ? Set.of()
                : alreadyStored.apply(added.stream().map(item -> item.path("id").asString()).toList());
        added.stream()
                .filter(item -> !known.contains(item.path("id").asString()))
                .sorted(Comparator.comparing(item -> item.path("receivedDateTime").asString("")))
                .forEach(item -> page.add(new RemoteMessage(item.path("id").asString(), 0, 0)));
        String next = body.path("@odata.nextLink").asString(null);
        String delta = body.path("@odata.deltaLink").asString(null);
        nextPage = next == null ? null : URI.create(next);
        afterPage = next != null ? next : delta;
    }

    /** Graph forgot the sync state behind a delta link (410 Gone, or a SyncState error): start over. */
    private static boolean syncStateLost(GraphResponse response) {
        return response.status() == 410 || response.errorCode().toLowerCase(Locale.ROOT).contains("syncstate");
    }

    @Override
    public int backlog() {
        return page.size();
    }

    @Override
    public InputStream open(RemoteMessage message) throws MessagingException {
        GraphResponse response = call(() -> api.stream(signIn, api.userUri(mailbox, "messages", message.remoteKey(),
                "$value"), "IdType=\"ImmutableId\""));
        require(response, "give the message " + message.remoteKey());
        // A read that breaks off is the connection's failure, not the message's: the poll stops and tries again.
        return new FilterInputStream(response.stream()) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw brokeOff(message, e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw brokeOff(message, e);
                }
            }
        };
    }

    private IOException brokeOff(RemoteMessage message, IOException e) {
        connected = false;
        return new IOException("Microsoft Graph broke off the download of message " + message.remoteKey() + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }

    @Override
    public InputStream openHeaders(RemoteMessage message) throws MessagingException {
        GraphResponse response = call(() -> api.get(signIn, api.userQuery(mailbox, "$select=internetMessageHeaders",
                "messages", message.remoteKey()), "IdType=\"ImmutableId\""));
        require(response, "give the headers of the message " + message.remoteKey());
        List<String> lines = new ArrayList<>();
        for (JsonNode header : response.json().path("internetMessageHeaders")) {
            lines.add(header.path("name").asString() + ": " + header.path("value").asString());
        }
        return ImapMailboxClient.headerSection(Collections.enumeration(lines));
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    /** Each message on its own; one already moved or deleted (404) is skipped. Any other refusal ends the poll. */
    @Override
    public void acknowledge(Collection<String> remoteKeys, AfterProcessing action, String moveFolder)
            throws MessagingException {
        if (action == AfterProcessing.KEEP || remoteKeys.isEmpty()) {
            return;
        }
        String target = action == AfterProcessing.MOVE ? moveTarget(moveFolder) : null;
        for (String key : remoteKeys) {
            GraphResponse response = call(() -> switch (action) {
                case MARK_SEEN -> api.send(signIn, HttpMethod.PATCH, api.userUri(mailbox, "messages", key),
                        Map.of("isRead", true));
                case MOVE -> api.send(signIn, HttpMethod.POST, api.userUri(mailbox, "messages", key, "move"),
                        Map.of("destinationId", target));
                case DELETE -> api.call(signIn, HttpMethod.DELETE, api.userUri(mailbox, "messages", key), null, null);
                case KEEP -> throw new IllegalStateException("KEEP needs no call");
            });
            if (response.status() != 404) {
                require(response, switch (action) {
                    case MARK_SEEN -> "mark the message " + key + " read";
                    case MOVE -> "move the message " + key + " to " + moveFolder;
                    default -> "delete the message " + key;
                });
            }
        }
    }

    private String moveTarget(String moveFolder) throws MessagingException {
        JsonNode folder = folders.find(signIn, mailbox, moveFolder).orElseThrow(() -> new FolderNotFoundException(
                (Folder) null, "Move target folder " + moveFolder + " does not exist in the mailbox " + mailbox));
        return folder.path("id").asString();
    }

    /** Graph applies every action at once; there is no session to end. */
    @Override
    public boolean finish() {
        return true;
    }

    private interface GraphCall {
        GraphResponse call() throws MessagingException;
    }

    /** A failure to reach Graph, or a refusal other than for this one message, means the poll cannot go on. */
    private GraphResponse call(GraphCall call) throws MessagingException {
        try {
            GraphResponse response = call.call();
            if (!response.ok() && response.status() != 404 && response.status() != 400) {
                connected = false;
            }
            return response;
        } catch (MessagingException | RuntimeException e) {
            connected = false;
            throw e;
        }
    }

    private static void require(GraphResponse response, String doing) throws GraphException {
        if (!response.ok()) {
            throw new GraphException(doing, response);
        }
    }
}
