package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.TmpfsMount;

/**
 * The blob store's disk really full (a 4 MB tmpfs filled to ENOSPC): fetching pauses with one plain-words FETCH_FAILED
 * entry, nothing is stored and nothing is marked seen on the server; once there is space again, the mailbox's own
 * retries fetch everything, with no help.
 */
@FaultTest
@MailroomTest
@DirtiesContext
@TestPropertySource(properties = "mailroom.incoming.polling-enabled=true")
class BlobStoreFullTest {

    private static final Path DATA_DIR = Path.of("target", "faults", "disk-full-" + ProcessHandle.current().pid())
            .toAbsolutePath();
    private static TmpfsMount blobDisk;

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailboxes.server();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        blobDisk = TmpfsMount.of(DATA_DIR.resolve("blobs"), 4);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (blobDisk != null) {
            blobDisk.close();
        }
    }

    @DynamicPropertySource
    static void dataDirOnTheSmallDisk(DynamicPropertyRegistry registry) {
        registry.add("mailroom.data-dir", DATA_DIR::toString);
    }

    @Test
    void fullDiskPausesFetchingWithAClearErrorMarksNothingAndResumesWhenThereIsSpace() throws Exception {
        Path filler = blobDisk.fill();
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 5, "Disk full");
        var server = GreenMailboxes.serverFor(greenMail, user, "IMAP", false);
        server.put("pollIntervalSeconds", 3600);
        long serverId = api.admin().post("/api/incoming-servers", server).get("id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> inbound().audited(serverId, "FETCH_FAILED") == 1);
        var failure = api.admin().get("/api/audit?status=FETCH_FAILED&serverId=" + serverId).get("items").get(0);
        assertThat(failure.get("message").asString()).isEqualTo("Store failed: the blob store at "
                + blobDisk.path() + " is full (No space left on device); fetching is paused and resumes by itself once"
                + " there is space again; nothing was marked processed on the server");
        assertThat(api.admin().get("/api/incoming-servers/" + serverId + "/status").get("lastError").asString())
                .contains("is full (No space left on device)");
        assertThat(inbound().rows(serverId)).isZero();
        assertThat(GreenMailboxes.seen(greenMail, user)).isZero();
        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isEqualTo(5);

        Files.delete(filler);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbound().audited(serverId, "RECEIVED") == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> GreenMailboxes.seen(greenMail, user) == 5);
        assertThat(inbound().distinctRemoteKeys(serverId)).isEqualTo(5);
        assertThat(inbound().audited(serverId, "FETCH_FAILED")).isEqualTo(1);
        assertThat(inbound().audited(serverId, "FETCH_RECOVERED")).isEqualTo(1);
    }

    private Inbound inbound() {
        return new Inbound(jdbc);
    }
}
