package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.testing.Api;

/** Desk mailboxes on an embedded GreenMail (loopback, dynamic ports): users, deliveries, and a look at the server side. */
final class GreenMailboxes {

    static final String PASSWORD = "Mailbox-Pw-4-Tests";

    private GreenMailboxes() {
    }

    static GreenMailExtension server() {
        return new GreenMailExtension(
                ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));
    }

    /** A fresh mailbox with a unique address, so no other test's server can ever read it. */
    static GreenMailUser newMailbox(GreenMailExtension greenMail) {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return greenMail.setUser(address, address, PASSWORD);
    }

    /** Request body for an incoming server reading this mailbox over the given GreenMail protocol. */
    static Map<String, Object> serverFor(GreenMailExtension greenMail, GreenMailUser user, String protocol, boolean tls) {
        ServerSetup setup = switch (protocol + (tls ? "S" : "")) {
            case "IMAP" -> greenMail.getImap().getServerSetup();
            case "IMAPS" -> greenMail.getImaps().getServerSetup();
            case "POP3" -> greenMail.getPop3().getServerSetup();
            case "POP3S" -> greenMail.getPop3s().getServerSetup();
            default -> throw new IllegalArgumentException(protocol);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", protocol + (tls ? "S " : " ") + user.getEmail());
        body.put("mailboxAddresses", List.of(user.getEmail()));
        body.put("protocol", protocol);
        body.put("host", "127.0.0.1");
        body.put("port", setup.getPort());
        body.put("security", tls ? "SSL_TLS" : "NONE");
        body.put("trustSelfSignedCertificate", tls);
        body.put("username", user.getLogin());
        body.put("password", PASSWORD);
        body.put("afterProcessing", protocol.equals("IMAP") ? "MARK_SEEN" : "DELETE");
        return body;
    }

    /**
     * Saves an IMAP server for the mailbox that only IDLE wakes (its regular poll is an hour away) and waits until its
     * first poll is done and it is watching; returns its id.
     */
    static long watchedByIdle(Api api, GreenMailExtension greenMail, GreenMailUser user) {
        Map<String, Object> server = serverFor(greenMail, user, "IMAP", false);
        server.put("pollIntervalSeconds", 3600);
        long serverId = api.admin().post("/api/incoming-servers", server).get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var status = api.admin().get("/api/incoming-servers/" + serverId + "/status");
            return status.get("idle").asBoolean() && status.body().hasNonNull("lastSuccessAt");
        });
        return serverId;
    }

    static List<String> deliver(GreenMailUser user, int count, String subjectPrefix) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("requester" + (i % 7) + "@customer.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(user.getEmail()));
            message.setSubject(subjectPrefix + " " + i);
            message.setText("Hello desk,\n\nmessage number " + i + " needs attention.\n");
            message.saveChanges();
            if (i % 50 == 49) {
                message.removeHeader("Message-ID");
            } else {
                ids.add(message.getMessageID());
            }
            user.deliver(message);
        }
        return ids;
    }

    static void deliverLarge(GreenMailUser user, int bytes, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("scanner@customer.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(user.getEmail()));
        message.setSubject(subject);
        message.setText("x".repeat(bytes));
        message.saveChanges();
        user.deliver(message);
    }

    /** The mailbox as a mail client sees it, opened over plain IMAP. */
    static <T> T inspect(GreenMailExtension greenMail, GreenMailUser user, FolderCheck<T> check) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getServerSetup().getPort(), user.getLogin(), PASSWORD);
        try {
            return check.apply(store);
        } finally {
            store.close();
        }
    }

    static int count(GreenMailExtension greenMail, GreenMailUser user, String folderName) throws MessagingException {
        return inspect(greenMail, user, store -> {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        });
    }

    static int seen(GreenMailExtension greenMail, GreenMailUser user) throws MessagingException {
        return inspect(greenMail, user, store -> {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
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
            inbox.close(false);
            return seen;
        });
    }

    static void createFolder(GreenMailExtension greenMail, GreenMailUser user, String name) throws MessagingException {
        inspect(greenMail, user, store -> store.getFolder(name).create(Folder.HOLDS_MESSAGES));
    }

    static void markAllSeen(GreenMailExtension greenMail, GreenMailUser user) throws MessagingException {
        inspect(greenMail, user, store -> {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), true);
            inbox.close(false);
            return null;
        });
    }

    interface FolderCheck<T> {
        T apply(Store store) throws MessagingException;
    }
}
