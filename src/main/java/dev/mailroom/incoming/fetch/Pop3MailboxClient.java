package dev.mailroom.incoming.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;

import dev.mailroom.incoming.AfterProcessing;

/**
 * POP3 by UIDL: a message is new when its UIDL was never stored for this mailbox, so "keep on server" never
 * imports a message twice. Deletions take effect only when the session ends with QUIT ({@link #close()}).
 */
class Pop3MailboxClient implements MailboxClient {

    private final Store store;
    private final POP3Folder inbox;
    private final Map<String, POP3Message> listed = new HashMap<>();
    private boolean deleteOnClose;
    private int backlog;

    private Pop3MailboxClient(Store store, POP3Folder inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    static Pop3MailboxClient open(Store store) throws MessagingException {
        POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return new Pop3MailboxClient(store, inbox);
    }

    @Override
    public Long validity() {
        return null;
    }

    @Override
    public List<RemoteMessage> newMessages(long afterPosition, Function<Collection<String>, Set<String>> alreadyStored,
            int limit) throws MessagingException {
        listed.clear();
        Message[] messages = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        inbox.fetch(messages, profile);
        Map<String, POP3Message> byUidl = new LinkedHashMap<>();
        for (Message message : messages) {
            String uidl = inbox.getUID(message);
            if (uidl != null) {
                byUidl.putIfAbsent(uidl, (POP3Message) message);
            }
        }
        Set<String> known = alreadyStored.apply(byUidl.keySet());
        List<RemoteMessage> fresh = new ArrayList<>();
        for (var entry : byUidl.entrySet()) {
            if (!known.contains(entry.getKey())) {
                fresh.add(new RemoteMessage(entry.getKey(), entry.getValue().getMessageNumber(),
                        Math.max(0, entry.getValue().getSize())));
            }
        }
        backlog = Math.max(0, fresh.size() - limit);
        List<RemoteMessage> batch = fresh.subList(0, Math.min(limit, fresh.size()));
        batch.forEach(message -> listed.put(message.remoteKey(), byUidl.get(message.remoteKey())));
        return List.copyOf(batch);
    }

    @Override
    public int backlog() {
        return backlog;
    }

    @Override
    public InputStream open(RemoteMessage message) throws MessagingException {
        POP3Message pop3Message = listedMessage(message);
        InputStream content = pop3Message.getMimeStream();
        return new FilterInputStream(content) {
            @Override
            public void close() throws IOException {
                super.close();
                // Forget the cached copy: the bytes are in the blob store now.
                pop3Message.invalidate(true);
            }
        };
    }

    @Override
    public InputStream openHeaders(RemoteMessage message) throws MessagingException {
        return ImapMailboxClient.headerSection(listedMessage(message).getAllHeaderLines());
    }

    @Override
    public boolean isConnected() {
        return inbox.isOpen() && store.isConnected();
    }

    @Override
    public void acknowledge(Collection<String> remoteKeys, AfterProcessing action, String moveFolder)
            throws MessagingException {
        if (action != AfterProcessing.DELETE || remoteKeys.isEmpty()) {
            return;
        }
        for (Message message : inbox.getMessages()) {
            if (remoteKeys.contains(inbox.getUID(message))) {
                message.setFlag(Flags.Flag.DELETED, true);
                deleteOnClose = true;
            }
        }
    }

    /** Ends the session with QUIT, which is when the server deletes what was marked. */
    @Override
    public boolean finish() {
        try {
            if (inbox.isOpen()) {
                inbox.close(deleteOnClose);
            }
            return true;
        } catch (MessagingException e) {
            return false;
        } finally {
            ImapMailboxClient.closeQuietly(store);
        }
    }

    private POP3Message listedMessage(RemoteMessage message) throws MessagingException {
        POP3Message listedMessage = listed.get(message.remoteKey());
        if (listedMessage == null) {
            throw new MessagingException("Message " + message.remoteKey() + " was not listed in this session");
        }
        return listedMessage;
    }
}
