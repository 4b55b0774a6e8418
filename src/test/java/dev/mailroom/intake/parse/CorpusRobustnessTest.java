package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/** Every raw message in the corpus parses without an exception into a complete value. */
class CorpusRobustnessTest {

    @TempDir
    Path blobs;

    @Test
    void everyCorpusMessageParses() throws Exception {
        var store = new FileSystemBlobStore(blobs);
        var parser = new EmailParser(store);
        List<Map<String, String>> messages = Corpus.messages();
        assertThat(messages).hasSizeGreaterThan(1300);
        List<String> failures = new ArrayList<>();
        int withProblems = 0;
        int attachments = 0;
        for (Map<String, String> row : messages) {
            String path = row.get("path");
            ParsedEmail email;
            try (InputStream in = Files.newInputStream(Corpus.file(path))) {
                email = parser.parse(in);
            } catch (Exception | StackOverflowError e) {
                failures.add(path + ": " + e);
                continue;
            }
            if (email.messageId() != null && !email.messageId().matches("<[^<>\\s]+>")) {
                failures.add(path + ": Message-ID not normalised: " + email.messageId());
            }
            if (email.body().text() == null || email.body().newText() == null || email.subject() == null) {
                failures.add(path + ": missing body text or subject");
            }
            for (ParsedAttachment attachment : email.attachments()) {
                attachments++;
                try (InputStream stored = store.open(attachment.blob().key()).orElseThrow()) {
                    long size = stored.transferTo(java.io.OutputStream.nullOutputStream());
                    if (size != attachment.size()) {
                        failures.add(path + ": " + attachment.fileName() + " stored " + size + " bytes, reported "
                                + attachment.size());
                    }
                }
            }
            if (!email.parseProblems().isEmpty()) {
                withProblems++;
            }
        }
        System.out.printf("Corpus: %d messages parsed, %d attachments stored, %d with parse problems%n",
                messages.size(), attachments, withProblems);
        assertThat(failures).isEmpty();
    }
}
