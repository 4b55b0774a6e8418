package dev.mailroom.microbenchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.github.kagkarlsson.scheduler.Scheduler;

import dev.mailroom.MailroomApplication;
import dev.mailroom.acceptance.BenchmarkEmails;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.IntakeOutcome;
import dev.mailroom.intake.IntakeProcessor;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import tools.jackson.databind.ObjectMapper;

/**
 * One stored email judged by {@link IntakeProcessor}, as the intake worker judges it: parse, every stage of the
 * pipeline against an in-memory H2 database, and the outcome recorded (ticket or reply, acknowledgment in the outbox,
 * final audit entry) in one transaction. Before each call, and not timed, the email is stored as a fetch leaves it:
 * raw bytes in the blob store and a RECEIVED row. The database grows through the run, as a desk's does.
 *
 * <p>{@code request}: a new request (text and HTML) from a requester of its own, so always a new ticket.
 * {@code mix}: the ingest benchmark's desk mix (replies threading onto earlier tickets, auto-replies, ignored senders,
 * 200 KB attachments).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntakeBenchmark {

    @Param({"request", "mix"})
    public String mail;

    private Path dataDir;
    private ConfigurableApplicationContext context;
    private JdbcClient jdbc;
    private BlobStore blobs;
    private InboundEmailRepository inbound;
    private IntakeProcessor processor;
    private BenchmarkEmails emails;
    private long serverId;
    private int received;
    private InboundEmail email;

    @Setup
    public void startMailroom() throws IOException {
        dataDir = ScratchDirectory.create("mailroom-jmh-intake");
        context = new SpringApplicationBuilder(MailroomApplication.class)
                .profiles("test")
                .run("--mailroom.data-dir=" + dataDir, "--server.port=0", "--logging.level.dev.mailroom=WARN");
        // Nothing runs beside the measured intake: no intake worker taking the same emails, no polls, no sender.
        context.getBean(Scheduler.class).pause();
        jdbc = context.getBean(JdbcClient.class);
        blobs = context.getBean(BlobStore.class);
        inbound = context.getBean(InboundEmailRepository.class);
        processor = context.getBean(IntakeProcessor.class);
        serverId = createServer();
        emails = new BenchmarkEmails(42, MicroBenchmarks.DESK);
    }

    /** A desk mailbox that is never fetched, with the mix's newsletter domain on its Ignore list. */
    private long createServer() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Benchmark desk");
        request.put("mailboxAddresses", List.of(MicroBenchmarks.DESK));
        request.put("protocol", "IMAP");
        request.put("host", "127.0.0.1");
        request.put("security", "NONE");
        request.put("username", "desk");
        request.put("password", "never-used");
        request.put("enabled", false);
        request.put("filterType", "IGNORE");
        request.put("filterEntries", List.of(BenchmarkEmails.IGNORED_DOMAIN));
        IncomingServerRequest server = context.getBean(ObjectMapper.class).convertValue(request, IncomingServerRequest.class);
        return context.getBean(IncomingServerService.class).create(server).id();
    }

    @Setup(Level.Invocation)
    public void receive() throws IOException, MessagingException {
        byte[] raw = mail.equals("request") ? emails.shaped(BenchmarkEmails.Shape.TEXT_AND_HTML) : emails.next();
        BlobRef blob = blobs.put(new ByteArrayInputStream(raw));
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
        String sender = InternetAddress.parseHeader(headers.getHeader("From", null), false)[0].getAddress();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inbound_email (server_id, remote_key, state, action_pending, message_id, message_id_generated,
                    sender, sender_key, recipients, subject, size_bytes, raw_blob_key, received_at)
                values (:server, :remoteKey, 'RECEIVED', false, :messageId, false, :sender, :senderKey, :recipients,
                    :subject, :size, :raw, :now)""")
                .param("server", serverId)
                .param("remoteKey", "bench:" + ++received)
                .param("messageId", headers.getHeader("Message-ID", null))
                .param("sender", sender)
                .param("senderKey", InboundEmailRepository.senderKey(sender))
                .param("recipients", MicroBenchmarks.DESK)
                .param("subject", headers.getHeader("Subject", null))
                .param("size", blob.size())
                .param("raw", blob.key())
                .param("now", SqlTime.toSql(SqlTime.now()))
                .update(keys, "id");
        email = inbound.findById(keys.getKey().longValue()).orElseThrow();
    }

    @Benchmark
    public IntakeOutcome intake() {
        return processor.process(email);
    }

    /** A run that judged emails as failures would measure the error path: it fails instead. */
    @TearDown
    public void stopMailroom() throws IOException {
        try {
            long failed = jdbc.sql("select count(*) from audit_entry where status = 'PROCESSED_FAILED'")
                    .query(Long.class).single();
            long tickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
            System.out.printf("%n%d emails judged, %d tickets, %d PROCESSED_FAILED%n", received, tickets, failed);
            if (failed > 0 || tickets == 0) {
                throw new IllegalStateException(failed + " of " + received + " emails ended PROCESSED_FAILED and "
                        + tickets + " tickets were made: the benchmark did not measure the intake's normal path");
            }
        } finally {
            context.close();
            ScratchDirectory.delete(dataDir);
        }
    }
}
