package dev.mailroom.incoming.fetch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

import dev.mailroom.incoming.AfterProcessing;

/**
 * IMAP by UID: new messages are those above the last stored UID under the same UIDVALIDITY, whatever their \Seen flag,
 * so mail someone else read in a mail client is still fetched. Bodies are read with BODY.PEEK in chunks, never whole.
 */
class ImapMailboxClient implements MailboxClient {

    /** Messages up to this size are fetched many at a time (one round trip per batch); larger ones are streamed. */
    static final long PREFETCH_MAX_MESSAGE = 256 * 1024;
    /** At most this many bytes of prefetched messages are held at once. */
    static final long PREFETCH_BUDGET = 8 * 1024 * 1024;

    private final IMAPStore store;
    private final IMAPFolder folder;
    private final long validity;
    private final Map<Long, IMAPMessage> listed = new HashMap<>();
    private final List<RemoteMessage> listedInOrder = new ArrayList<>();
    private final Map<Long, byte[]> prefetched = new HashMap<>();
    /** This session's listing of the folder, less what was handed out; null until the first batch. */
    private Deque<IMAPMessage> unlisted;
    private int backlog;

    private ImapMailboxClient(IMAPStore store, IMAPFolder folder) throws MessagingException {
        this.store = store;
        this.folder = folder;
        this.validity = folder.getUIDValidity();
    }

    static ImapMailboxClient open(Store store, String folderName) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
        if (!folder.exists()) {
            throw new FolderNotFoundException(folder, "Folder " + folderName + " does not exist on the server");
        }
        folder.open(Folder.READ_WRITE);
        return new ImapMailboxClient((IMAPStore) store, folder);
    }

    @Override
    public Long validity() {
        return validity;
    }

    /**
     * The messages above {@code afterPosition}, oldest first. The folder is listed (UIDs and sizes) once per session;
     * later batches continue through that listing, since listing the whole rest again for every batch made a large
     * mailbox's fetch quadratic. Mail arriving meanwhile is found by the next poll.
     */
    @Override
    public List<RemoteMessage> newMessages(long afterPosition, Function<Collection<String>, Set<String>> alreadyStored,
            int limit) throws MessagingException {
        listed.clear();
        listedInOrder.clear();
        prefetched.clear();
        if (unlisted == null) {
            unlisted = new ArrayDeque<>(listFrom(afterPosition));
        }
        while (!unlisted.isEmpty() && uid(unlisted.peek()) <= afterPosition) {
            unlisted.poll();
        }
        List<RemoteMessage> result = new ArrayList<>();
        while (result.size() < limit && !unlisted.isEmpty()) {
            IMAPMessage message = unlisted.poll();
            long uid = uid(message);
            listed.put(uid, message);
            result.add(new RemoteMessage(key(uid), uid, Math.max(0, message.getSize())));
        }
        backlog = unlisted.size();
        listedInOrder.addAll(result);
        return result;
    }

    private List<IMAPMessage> listFrom(long afterPosition) throws MessagingException {
        Message[] candidates = folder.getMessagesByUID(afterPosition + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(candidates, profile);
        // "UID n:*" always answers with the highest message, even when its UID is below n.
        return Arrays.stream(candidates)
                .filter(Objects::nonNull)
                .map(IMAPMessage.class::cast)
                .filter(message -> uid(message) > afterPosition)
                .sorted(Comparator.comparingLong(ImapMailboxClient::uid))
                .toList();
    }

    @Override
    public int backlog() {
        return backlog;
    }

    @Override
    public InputStream open(RemoteMessage message) throws MessagingException {
        IMAPMessage imapMessage = listedMessage(message);
        if (message.size() <= PREFETCH_MAX_MESSAGE) {
            if (!prefetched.containsKey(message.position())) {
                prefetchFrom(message);
            }
            byte[] content = prefetched.remove(message.position());
            if (content != null) {
                return new ByteArrayInputStream(content);
            }
        }
        return imapMessage.getMimeStream();
    }

    /**
     * Fetches this small message and the small ones listed after it with one UID FETCH, up to the byte budget. A message
     * the server does not return here (expunged meanwhile, or a failure of its own) is fetched on its own later.
     */
    private void prefetchFrom(RemoteMessage first) throws MessagingException {
        List<Long> uids = new ArrayList<>();
        long bytes = 0;
        for (RemoteMessage candidate : listedInOrder.subList(listedInOrder.indexOf(first), listedInOrder.size())) {
            if (candidate.size() > PREFETCH_MAX_MESSAGE) {
                continue;
            }
            if (!uids.isEmpty() && bytes + candidate.size() > PREFETCH_BUDGET) {
                break;
            }
            uids.add(candidate.position());
            bytes += candidate.size();
        }
        String uidSet = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).toArray()));
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uidSet + " (UID BODY.PEEK[])", null);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID uid = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (uid != null && body != null && body.getByteArray() != null) {
                        prefetched.put(uid.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    @Override
    public InputStream openHeaders(RemoteMessage message) throws MessagingException {
        return headerSection(listedMessage(message).getAllHeaderLines());
    }

    @Override
    public boolean isConnected() {
        return folder.isOpen() && store.isConnected();
    }

    @Override
    public void acknowledge(Collection<String> remoteKeys, AfterProcessing action, String moveFolder)
            throws MessagingException {
        if (action == AfterProcessing.KEEP || remoteKeys.isEmpty()) {
            return;
        }
        long[] uids = remoteKeys.stream().filter(key -> key.startsWith(validity + ":"))
                .mapToLong(key -> Long.parseLong(key.substring(key.indexOf(':') + 1))).toArray();
        Message[] messages = Arrays.stream(folder.getMessagesByUID(uids)).filter(Objects::nonNull).toArray(Message[]::new);
        if (messages.length == 0) {
            return;
        }
        switch (action) {
            case MARK_SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case MOVE -> move(messages, moveFolder);
            case DELETE -> delete(messages);
            case KEEP -> {
            }
        }
    }

    /** IMAP applies flags, moves and expunges at once; ending the session changes nothing. */
    @Override
    public boolean finish() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException ignored) {
            // the connection is going away anyway
        } finally {
            closeQuietly(store);
        }
        return true;
    }

    private void move(Message[] messages, String moveFolder) throws MessagingException {
        Folder target = store.getFolder(moveFolder);
        if (!target.exists()) {
            throw new FolderNotFoundException(target, "Move target folder " + moveFolder + " does not exist on the server");
        }
        if (store.hasCapability("MOVE")) {
            folder.moveMessages(messages, target);
        } else {
            folder.copyMessages(messages, target);
            delete(messages);
        }
    }

    private void delete(Message[] messages) throws MessagingException {
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }

    private IMAPMessage listedMessage(RemoteMessage message) throws MessagingException {
        IMAPMessage listedMessage = listed.get(message.position());
        if (listedMessage == null) {
            throw new MessagingException("Message " + message.remoteKey() + " was not listed in this session");
        }
        return listedMessage;
    }

    private String key(long uid) {
        return validity + ":" + uid;
    }

    private static long uid(IMAPMessage message) {
        try {
            return ((UIDFolder) message.getFolder()).getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }

    static InputStream headerSection(Enumeration<String> lines) {
        StringBuilder section = new StringBuilder();
        while (lines.hasMoreElements()) {
            section.append(lines.nextElement()).append("\r\n");
        }
        section.append("\r\n");
        return new ByteArrayInputStream(section.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException ignored) {
            // nothing more to do with a store that cannot even close
        }
    }
}
