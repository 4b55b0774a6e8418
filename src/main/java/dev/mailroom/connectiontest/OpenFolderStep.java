package dev.mailroom.connectiontest;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import dev.mailroom.platform.Counts;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;

/** Opens the folder the fetcher will read, read-only, and counts its messages. POP3 has only INBOX. */
final class OpenFolderStep implements Step<MailboxProbe> {

    private static final int MAX_LISTED = 50;

    @Override
    public ConnectionStep id() {
        return ConnectionStep.OPEN_FOLDER;
    }

    @Override
    public Outcome run(MailboxProbe probe) throws MessagingException {
        MailConnection c = probe.connection;
        String name = c.protocol() == MailProtocol.POP3 ? "INBOX" : c.folder();
        Folder folder = probe.store.getFolder(name);
        if (!folder.exists()) {
            return Outcome.failed("The folder '" + name + "' does not exist", null,
                    Hints.folderMissing(name, existingFolders(probe.store)));
        }
        try {
            folder.open(Folder.READ_ONLY);
        } catch (MessagingException e) {
            return Outcome.failed("The folder '" + name + "' could not be opened", e.getMessage(), Hints.folderFailed());
        }
        try {
            int count = folder.getMessageCount();
            return Outcome.passed("Opened " + name + ": " + Counts.of(count, "message"), null);
        } finally {
            folder.close(false);
        }
    }

    private static List<String> existingFolders(Store store) throws MessagingException {
        return Arrays.stream(store.getDefaultFolder().list("*"))
                .map(Folder::getFullName)
                .sorted()
                .limit(MAX_LISTED)
                .toList();
    }
}
