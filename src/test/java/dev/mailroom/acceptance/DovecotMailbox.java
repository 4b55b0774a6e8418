package dev.mailroom.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.SearchTerm;

import org.awaitility.Awaitility;

/**
 * A user's INBOX on the acceptance Dovecot: loaded with messages through its Maildir, emptied and inspected by an
 * ordinary mail client (plain IMAP on loopback).
 */
record DovecotMailbox(AcceptanceServers servers, String user) {

    private static final AtomicLong DELIVERIES = new AtomicLong();

    static DovecotMailbox of(String user) {
        return new DovecotMailbox(AcceptanceServers.get(), user);
    }

    String address() {
        return servers.address(user);
    }

    /** Deletes every message in INBOX, so a test starts from a known mailbox. */
    void empty() throws MessagingException {
        inInbox(inbox -> {
            if (inbox.getMessageCount() > 0) {
                inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
            }
            return null;
        }, true);
    }

    /** {@code count} new requests from as many senders (the loop breaker counts per sender); their Message-IDs. */
    List<String> loadRequests(int count, String subject) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> messages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("Requester " + i + " <requester" + i + "@customer.test>"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address()));
            message.setSubject(subject + " #" + i);
            message.setSentDate(new Date());
            message.setText("Hello desk,\n\nrequest number " + i + " of this run needs attention: the printer on floor "
                    + (i % 9) + " is jammed again.\n\nRegards,\nRequester " + i + "\n");
            message.saveChanges();
            ids.add(message.getMessageID());
            messages.add(message);
        }
        deliverToMaildir(messages);
        return ids;
    }

    /**
     * Writes the messages straight into the user's Maildir as a local delivery agent does (tmp/, then renamed into
     * new/), thousands a second where IMAP APPEND manages dozens; Dovecot picks them up at the next look.
     */
    private void deliverToMaildir(List<MimeMessage> messages) throws MessagingException {
        count(); // Dovecot creates the Maildir on the first login
        Path maildir = Path.of(servers.maildir(user));
        try {
            for (MimeMessage message : messages) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                message.writeTo(bytes);
                deliver(maildir, bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot deliver into " + maildir, e);
        }
    }

    /**
     * The Maildir of one of the user's folders ({@code INBOX} or, Maildir++ style, {@code .Name} beside it), created
     * through IMAP if missing, so that Dovecot owns it and can keep its index there.
     */
    Path folderMaildir(String folder) throws MessagingException {
        count(); // Dovecot creates the Maildir on the first login
        Path inbox = Path.of(servers.maildir(user));
        if (folder.equalsIgnoreCase("INBOX")) {
            return inbox;
        }
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(servers.host(), servers.port("imap"), user, servers.password(user));
        try {
            Folder created = store.getFolder(folder);
            if (!created.exists() && !created.create(Folder.HOLDS_MESSAGES)) {
                throw new IllegalStateException("Dovecot did not create the folder " + folder);
            }
        } finally {
            store.close();
        }
        return inbox.resolve("." + folder);
    }

    /**
     * Writes one raw message into a Maildir as a local delivery agent does (tmp/, then renamed into new/), named as
     * Dovecot names its own files (no {@code :2,} suffix, which would make it rescan the folder on every fetch).
     */
    static void deliver(Path maildir, byte[] raw) throws IOException {
        long now = System.currentTimeMillis();
        String name = (now / 1000) + ".M" + (now % 1000) + "P" + ProcessHandle.current().pid() + "Q"
                + DELIVERIES.incrementAndGet() + ".mailroom-acceptance,S=" + raw.length;
        Path tmp = maildir.resolve("tmp").resolve(name);
        Files.write(tmp, raw);
        Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    int count() throws MessagingException {
        return inInbox(Folder::getMessageCount, false);
    }

    int seen() throws MessagingException {
        return inInbox(inbox -> {
            Message[] messages = inbox.getMessages();
            FetchProfile flags = new FetchProfile();
            flags.add(FetchProfile.Item.FLAGS);
            inbox.fetch(messages, flags);
            int seen = 0;
            for (Message message : messages) {
                if (message.isSet(Flags.Flag.SEEN)) {
                    seen++;
                }
            }
            return seen;
        }, false);
    }

    /** Message-IDs of the messages in INBOX, in order. */
    List<String> messageIds() throws MessagingException {
        return inInbox(inbox -> {
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add("Message-ID");
            inbox.fetch(messages, profile);
            List<String> ids = new ArrayList<>();
            for (Message message : messages) {
                String[] header = message.getHeader("Message-ID");
                ids.add(header == null ? null : header[0]);
            }
            return ids;
        }, false);
    }

    /**
     * The messages of INBOX that match the search (done by Dovecot), copied out so they can be read and answered after
     * the connection is closed; oldest first.
     */
    List<MimeMessage> search(SearchTerm term) throws MessagingException {
        return inInbox(inbox -> {
            List<MimeMessage> found = new ArrayList<>();
            for (Message message : inbox.search(term)) {
                found.add(new MimeMessage((MimeMessage) message));
            }
            return found;
        }, false);
    }

    /** How many messages of INBOX match the search (done by Dovecot, nothing is copied). */
    int count(SearchTerm term) throws MessagingException {
        return inInbox(inbox -> inbox.search(term).length, false);
    }

    /** Deletes the messages of INBOX that match the search; returns how many. */
    int delete(SearchTerm term) throws MessagingException {
        return inInbox(inbox -> {
            Message[] found = inbox.search(term);
            inbox.setFlags(found, new Flags(Flags.Flag.DELETED), true);
            return found.length;
        }, true);
    }

    /** Waits until exactly one message with this header value (as a substring, as IMAP SEARCH does) has arrived. */
    MimeMessage awaitOne(String header, String value, Duration timeout) {
        HeaderTerm term = new HeaderTerm(header, value);
        List<MimeMessage> found = Awaitility.await(user + "'s INBOX to receive the message with " + header + ": " + value)
                .atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> search(term), messages -> !messages.isEmpty());
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " messages in " + user + "'s INBOX with " + header + ": " + value);
        }
        return found.get(0);
    }

    interface InboxWork<T> {
        T apply(Folder inbox) throws MessagingException;
    }

    private <T> T inInbox(InboxWork<T> work, boolean expunge) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(servers.host(), servers.port("imap"), user, servers.password(user));
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                return work.apply(inbox);
            } finally {
                inbox.close(expunge);
            }
        } finally {
            store.close();
        }
    }
}
