package dev.mailroom.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.users.UserRepository;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;

/**
 * Ticket numbering, persistence and service rules against a real database. Runs on H2 ({@link TicketStoreH2Test})
 * and PostgreSQL ({@link TicketStorePostgresTest}).
 */
// The attachment worker would take the PENDING attachment these tests leave for the service to complete.
@TestPropertySource(properties = {"mailroom.tickets.prefixes=INC-,REQ-", "mailroom.intake.attachments.worker-enabled=false"})
abstract class AbstractTicketStoreTest {

    @Autowired
    TicketService tickets;

    @Autowired
    AttachmentService attachments;

    @Autowired
    TicketNumbers numbers;

    @Autowired
    UserRepository users;

    @Autowired
    BlobStore blobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTicketTables() {
        // Notifications about the tickets (V8/V10 outbox) go first: they reference tickets and attachments.
        jdbc.sql("delete from outbox_email").update();
        jdbc.sql("delete from attachment").update();
        jdbc.sql("delete from conversation").update();
        jdbc.sql("delete from ticket").update();
        jdbc.sql("delete from ticket_counter").update();
    }

    @Test
    void concurrentCreationsGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 8;
        int perThread = 200;
        Queue<Ticket> created = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String requester = "load-" + t + "@example.com";
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            created.add(tickets.create(apiTicket(requester, "Load " + i).build()));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = threads * perThread;
        assertThat(failures).isEmpty();
        assertThat(created).hasSize(total);
        Set<String> displayIds = created.stream().map(Ticket::displayId).collect(Collectors.toSet());
        assertThat(displayIds).hasSize(total);
        List<Long> numbers = created.stream().map(Ticket::number).sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates();
        // No creation failed, so no number was lost: exactly 1..1600. (A failure after taking a number would leave
        // a gap, which is allowed; then the highest number could exceed the count by the number of failures.)
        assertThat(numbers.get(0)).isEqualTo(1);
        assertThat(numbers.get(numbers.size() - 1)).isLessThanOrEqualTo(total + failures.size());
        assertThat(numbers).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(created).allSatisfy(ticket -> assertThat(ticket.displayId()).isEqualTo("INC-" + ticket.number()));
        assertThat(jdbc.sql("select count(distinct display_id) from ticket").query(Long.class).single()).isEqualTo(total);
        assertThat(jdbc.sql("select last_number from ticket_counter where prefix = 'INC-'").query(Long.class).single())
                .isEqualTo(total);
    }

    @Test
    void racingFirstUsesOfNewPrefixesShareOneCounterRow() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                String prefix = "R" + round + "-";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> taken = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    taken.add(pool.submit(() -> {
                        start.await();
                        return numbers.next(prefix);
                    }));
                }
                start.countDown();
                List<Long> got = new ArrayList<>();
                for (Future<Long> number : taken) {
                    got.add(number.get(1, TimeUnit.MINUTES));
                }
                assertThat(got).as("numbers of %s", prefix)
                        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads).boxed().toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachPrefixCountsFromOne() {
        assertThat(tickets.create(apiTicket("a@example.com", "first").build()).displayId()).isEqualTo("INC-1");
        assertThat(tickets.create(apiTicket("a@example.com", "second").prefix("REQ-").build()).displayId()).isEqualTo("REQ-1");
        assertThat(tickets.create(apiTicket("a@example.com", "third").build()).displayId()).isEqualTo("INC-2");
        assertThat(tickets.create(apiTicket("a@example.com", "fourth").prefix("req-").build()).displayId()).isEqualTo("REQ-2");
        assertThatThrownBy(() -> tickets.create(apiTicket("a@example.com", "x").prefix("CHG-").build()))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("prefix");
    }

    @Test
    void aRolledBackTicketLeavesAGapButKeepsItsNumberTaken() {
        var outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(status -> {
            tickets.create(apiTicket("a@example.com", "rolled back").build());
            status.setRollbackOnly();
        });

        Ticket next = tickets.create(apiTicket("a@example.com", "kept").build());

        assertThat(next.displayId()).isEqualTo("INC-2");
        assertThat(tickets.findByDisplayId("INC-1")).isEmpty();
    }

    @Test
    void refusedInputTakesNoNumber() {
        assertThatThrownBy(() -> tickets.create(apiTicket("a@example.com", "x").group(999_999L).build()))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("groupId");
        assertThatThrownBy(() -> tickets.create(apiTicket("a@example.com", " ").build()))
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("subject");

        assertThat(tickets.create(apiTicket("a@example.com", "ok").build()).displayId()).isEqualTo("INC-1");
    }

    @Test
    void storesEveryFieldAndFindsByDisplayIdIdAndRef() {
        long group = insertLookup("technician_group", "Network");
        long category = insertLookup("category", "Hardware");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Ticket created = tickets.create(NewTicket.builder(TicketSource.EMAIL, "Pat@Example.com", "  Printer on fire ")
                .requesterName("Pat")
                .description(null, "<p>Smoke <b>everywhere</b></p><script>alert(1)</script>")
                .priority(TicketPriority.URGENT)
                .group(group)
                .category(category)
                .incomingServer(42L)
                .messageId("first@mail.example.com")
                .build());

        Ticket found = tickets.findByDisplayId("INC-1").orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(tickets.findByDisplayId("inc-1")).contains(created);
        assertThat(tickets.findByRef(String.valueOf(created.id()))).contains(created);
        assertThat(tickets.findByRef(" INC-1 ")).contains(created);
        assertThat(tickets.findByRef("INC-2")).isEmpty();
        assertThat(tickets.findByRef("nonsense")).isEmpty();

        assertThat(found.subject()).isEqualTo("Printer on fire");
        assertThat(found.descriptionHtml()).contains("<b>everywhere</b>").doesNotContain("script", "alert");
        assertThat(found.descriptionText()).isEqualTo("Smoke everywhere");
        assertThat(found.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(found.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(found.source()).isEqualTo(TicketSource.EMAIL);
        assertThat(found.groupId()).isEqualTo(group);
        assertThat(found.categoryId()).isEqualTo(category);
        assertThat(found.incomingServerId()).isEqualTo(42L);
        assertThat(found.messageId()).isEqualTo("<first@mail.example.com>");
        assertThat(found.createdAt()).isBetween(before, Instant.now()).isEqualTo(found.updatedAt());
        assertThat(found.resolvedAt()).isNull();

        var requester = users.findById(found.requesterId()).orElseThrow();
        assertThat(requester.email()).isEqualTo("Pat@Example.com");
        assertThat(requester.guest()).isTrue();
        TicketRow row = tickets.findRow(found.id()).orElseThrow();
        assertThat(row.requesterName()).isEqualTo("Pat");
        assertThat(row.groupName()).isEqualTo("Network");
        assertThat(row.categoryName()).isEqualTo("Hardware");
    }

    @Test
    void anExistingRequesterIsReusedWhateverTheCaseOfTheAddress() {
        Ticket first = tickets.create(apiTicket("sam@example.com", "one").build());
        Ticket second = tickets.create(apiTicket("SAM@example.com", "two").build());

        assertThat(second.requesterId()).isEqualTo(first.requesterId());
    }

    @Test
    void filtersCombineAndPagesAreNewestFirst() {
        long network = insertLookup("technician_group", "Network");
        long hardware = insertLookup("category", "Hardware");
        Ticket vpn = tickets.create(apiTicket("ann@example.com", "VPN drops every hour").priority(TicketPriority.HIGH)
                .group(network).build());
        Ticket printer = tickets.create(NewTicket.builder(TicketSource.EMAIL, "bob@example.com", "Printer jam")
                .category(hardware).build());
        Ticket laptop = tickets.create(apiTicket("ann@example.com", "New laptop").category(hardware).build());
        tickets.update(printer.id(), TicketChanges.status(TicketStatus.RESOLVED));
        setCreatedAt(vpn, Instant.parse("2026-01-01T10:00:00Z"));
        setCreatedAt(printer, Instant.parse("2026-01-02T10:00:00Z"));
        setCreatedAt(laptop, Instant.parse("2026-01-03T10:00:00Z"));

        assertThat(search(TicketFilter.all())).containsExactly("INC-3", "INC-2", "INC-1");
        assertThat(search(TicketFilter.all().statuses(TicketStatus.OPEN))).containsExactly("INC-3", "INC-1");
        assertThat(search(TicketFilter.all().statuses(TicketStatus.OPEN, TicketStatus.RESOLVED))).hasSize(3);
        assertThat(search(TicketFilter.all().priority(TicketPriority.HIGH))).containsExactly("INC-1");
        assertThat(search(TicketFilter.all().requester("ANN@example.com"))).containsExactly("INC-3", "INC-1");
        assertThat(search(TicketFilter.all().group(network))).containsExactly("INC-1");
        assertThat(search(TicketFilter.all().category(hardware))).containsExactly("INC-3", "INC-2");
        assertThat(search(TicketFilter.all().source(TicketSource.EMAIL))).containsExactly("INC-2");
        assertThat(search(TicketFilter.all().subjectContains("vpn"))).containsExactly("INC-1");
        assertThat(search(TicketFilter.all().subjectContains("JAM"))).containsExactly("INC-2");
        assertThat(search(TicketFilter.all().createdBetween(Instant.parse("2026-01-02T10:00:00Z"), null)))
                .containsExactly("INC-3", "INC-2");
        assertThat(search(TicketFilter.all().createdBetween(null, Instant.parse("2026-01-02T10:00:00Z"))))
                .containsExactly("INC-1");
        assertThat(search(TicketFilter.all().category(hardware).requester("ann@example.com"))).containsExactly("INC-3");
        assertThat(search(TicketFilter.all().requester("nobody@example.com"))).isEmpty();

        var firstPage = tickets.search(TicketFilter.all(), new PageRequest(0, 2));
        var secondPage = tickets.search(TicketFilter.all(), new PageRequest(1, 2));
        assertThat(firstPage.items()).extracting(row -> row.ticket().displayId()).containsExactly("INC-3", "INC-2");
        assertThat(secondPage.items()).extracting(row -> row.ticket().displayId()).containsExactly("INC-1");
        assertThat(firstPage.totalItems()).isEqualTo(3);
        assertThat(firstPage.totalPages()).isEqualTo(2);
        assertThat(tickets.search(TicketFilter.all().statuses(TicketStatus.CLOSED), new PageRequest(0, 2)).totalItems()).isZero();
    }

    @Test
    void subjectSearchTakesWildcardsLiterally() {
        tickets.create(apiTicket("a@example.com", "Disk 100% full").build());
        tickets.create(apiTicket("a@example.com", "Disk 1000 files").build());
        tickets.create(apiTicket("a@example.com", "Path C:\\temp_dir").build());

        assertThat(search(TicketFilter.all().subjectContains("0%"))).containsExactly("INC-1");
        assertThat(search(TicketFilter.all().subjectContains("p_d"))).containsExactly("INC-3");
        assertThat(search(TicketFilter.all().subjectContains("c:\\t"))).containsExactly("INC-3");
    }

    @Test
    void conversationsAreFoundByMessageIdWithOrWithoutBrackets() {
        Ticket ticket = tickets.create(NewTicket.builder(TicketSource.EMAIL, "ann@example.com", "Mail")
                .messageId("<original@mail.example.com>").build());
        Conversation reply = tickets.addConversation(ticket.id(), NewConversation.incoming("ann@example.com",
                List.of("desk@example.com"), List.of("boss@example.com", "it@example.com"), "reply-1@mail.example.com",
                "Any news?", null, List.of()));

        assertThat(tickets.findConversationByMessageId("<reply-1@mail.example.com>")).contains(reply);
        assertThat(tickets.findConversationByMessageId("reply-1@mail.example.com")).contains(reply);
        assertThat(tickets.findConversationByMessageId("<unknown@mail.example.com>")).isEmpty();
        assertThat(tickets.findConversationByMessageId(null)).isEmpty();

        assertThat(tickets.findByMessageId("<original@mail.example.com>")).map(Ticket::id).contains(ticket.id());
        assertThat(tickets.findByMessageId("reply-1@mail.example.com")).map(Ticket::id).contains(ticket.id());
        assertThat(tickets.findByMessageId("<unknown@mail.example.com>")).isEmpty();
        // More lookups than the pool has connections: a lookup that kept its connection would exhaust it.
        for (int i = 0; i < 25; i++) {
            assertThat(tickets.findByMessageId("<reply-1@mail.example.com>")).isPresent();
            assertThat(tickets.findConversationByMessageId("<unknown-" + i + "@mail.example.com>")).isEmpty();
        }

        assertThat(reply.direction()).isEqualTo(ConversationDirection.INCOMING);
        assertThat(reply.from()).isEqualTo("ann@example.com");
        assertThat(reply.to()).containsExactly("desk@example.com");
        assertThat(reply.cc()).containsExactly("boss@example.com", "it@example.com");
        assertThat(reply.messageId()).isEqualTo("<reply-1@mail.example.com>");
        assertThat(tickets.findById(ticket.id()).orElseThrow().updatedAt()).isEqualTo(reply.createdAt());
    }

    @Test
    void conversationsComeOldestFirstAndRepliesDefaultToTheRequester() {
        Ticket ticket = tickets.create(apiTicket("ann@example.com", "Help").build());
        Conversation note = tickets.addConversation(ticket.id(), NewConversation.note("Checking", null, "tech"));
        Conversation reply = tickets.addConversation(ticket.id(),
                NewConversation.reply(List.of(), List.of("boss@example.com"), null, "<p>Fixed</p>", "tech"));

        assertThat(tickets.conversations(ticket.id())).containsExactly(note, reply);
        assertThat(reply.to()).containsExactly("ann@example.com");
        assertThat(reply.cc()).containsExactly("boss@example.com");
        assertThat(reply.bodyText()).isEqualTo("Fixed");
        assertThat(note.to()).isEmpty();
        assertThat(note.createdBy()).isEqualTo("tech");
        assertThatThrownBy(() -> tickets.addConversation(ticket.id(), NewConversation.note(" ", "<script>x</script>", "tech")))
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("body");
    }

    @Test
    void aSentReplyGetsItsMessageIdOnceAndAnswersToItThreadBack() {
        Ticket ticket = tickets.create(apiTicket("ann@example.com", "Help").build());
        Conversation notified = tickets.addConversation(ticket.id(), NewConversation.reply(List.of(), List.of(), "Done", null, "tech"));
        assertThat(notified.messageId()).as("recorded by the notification queued for it").startsWith("<" + ticket.displayId() + ".");
        assertThat(tickets.recordMessageId(notified.id(), "late@desk.example.com")).isFalse();
        assertThat(tickets.findByMessageId(notified.messageId())).map(Ticket::id).contains(ticket.id());
        // Nothing is queued for a no-reply address, so this reply has no Message-ID until one is recorded.
        Conversation reply = tickets.addConversation(ticket.id(),
                NewConversation.reply(List.of("noreply@example.com"), List.of(), "Done", null, "tech"));
        assertThat(reply.messageId()).isNull();

        assertThat(tickets.recordMessageId(reply.id(), "sent-1@desk.example.com")).isTrue();
        assertThat(tickets.recordMessageId(reply.id(), "sent-2@desk.example.com")).isFalse();

        assertThat(tickets.findByMessageId("<sent-1@desk.example.com>")).map(Ticket::id).contains(ticket.id());
        assertThat(tickets.findByMessageId("<sent-2@desk.example.com>")).isEmpty();
        assertThatThrownBy(() -> tickets.recordMessageId(reply.id() + 100, "x@y"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void statusChangesStampAndClearResolvedAndClosedTimes() {
        Ticket ticket = tickets.create(apiTicket("ann@example.com", "Help").build());

        Ticket resolved = tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        assertThat(resolved.resolvedAt()).isNotNull();
        Ticket closed = tickets.update(ticket.id(), TicketChanges.status(TicketStatus.CLOSED));
        assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
        assertThat(closed.closedAt()).isNotNull();
        Ticket reopened = tickets.update(ticket.id(), TicketChanges.status(TicketStatus.IN_PROGRESS));

        assertThat(tickets.findById(ticket.id())).contains(reopened);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void attachmentsArriveWithTheTicketAndPendingOnesAreCompletedLater() throws Exception {
        BlobRef logo = blobs.put(new ByteArrayInputStream("png-bytes".getBytes()));
        Ticket ticket = tickets.create(NewTicket.builder(TicketSource.EMAIL, "ann@example.com", "With files")
                .attachment(NewAttachment.stored("C:\\Users\\ann\\logo.png", "image/png", "<logo@mail>", logo))
                .attachment(NewAttachment.pending("big.iso", "not a type", null, 5_000_000_000L, new EmailPart(7, "2.1")))
                .build());

        List<Attachment> stored = attachments.list(ticket.id());
        assertThat(stored).extracting(Attachment::fileName).containsExactly("logo.png", "big.iso");
        Attachment image = stored.get(0);
        Attachment big = stored.get(1);
        assertThat(image.state()).isEqualTo(AttachmentState.STORED);
        assertThat(image.contentId()).isEqualTo("logo@mail");
        assertThat(image.blobKey()).isEqualTo(logo.key());
        assertThat(image.sizeBytes()).isEqualTo(9);
        assertThat(big.state()).isEqualTo(AttachmentState.PENDING);
        assertThat(big.contentType()).isEqualTo("application/octet-stream");
        assertThat(big.sizeBytes()).isEqualTo(5_000_000_000L);
        assertThat(big.source()).isEqualTo(new EmailPart(7, "2.1"));
        assertThat(attachments.duePending(10)).extracting(Attachment::id).containsExactly(big.id());
        assertThat(attachments.countAttempt(big.id())).isTrue();
        assertThat(attachments.retryAt(big.id(), SqlTime.now().plusSeconds(60), "blob store full")).isTrue();
        assertThat(attachments.duePending(10)).as("not due for a minute").isEmpty();
        assertThat(attachments.open(big)).isEmpty();

        BlobRef arrived = blobs.put(new ByteArrayInputStream("iso".getBytes()));
        assertThat(attachments.markStored(big.id(), arrived)).isTrue();
        assertThat(attachments.markFailed(big.id(), "too late")).isFalse();
        Attachment completed = attachments.find(ticket.id(), big.id()).orElseThrow();
        assertThat(completed.state()).isEqualTo(AttachmentState.STORED);
        try (var content = attachments.open(completed).orElseThrow()) {
            assertThat(new String(content.readAllBytes())).isEqualTo("iso");
        }
        assertThat(attachments.find(ticket.id() + 1, big.id())).isEmpty();
    }

    @Test
    void anIncomingReplyCarriesItsAttachments() throws Exception {
        Ticket ticket = tickets.create(apiTicket("ann@example.com", "Help").build());
        BlobRef screenshot = blobs.put(new ByteArrayInputStream("shot".getBytes()));

        Conversation reply = tickets.addConversation(ticket.id(), NewConversation.incoming("ann@example.com",
                List.of("desk@example.com"), List.of(), "<r@x>", null, null,
                List.of(NewAttachment.stored("shot.png", "image/png", null, screenshot))));

        assertThat(reply.bodyText()).isNull();
        assertThat(attachments.list(ticket.id())).singleElement()
                .satisfies(a -> assertThat(a.conversationId()).isEqualTo(reply.id()));
    }

    private List<String> search(TicketFilter filter) {
        return tickets.search(filter, new PageRequest(0, 50)).items().stream()
                .map(row -> row.ticket().displayId()).toList();
    }

    private static NewTicket.Builder apiTicket(String requester, String subject) {
        return NewTicket.builder(TicketSource.API, requester, subject);
    }

    /** Groups and categories have their own API (another package); here a row is all a ticket needs. */
    private long insertLookup(String table, String name) {
        String key = (name + " " + UUID.randomUUID()).toLowerCase(Locale.ROOT);
        jdbc.sql("insert into " + table + " (name, name_key, created_at) values (:name, :key, :now)")
                .param("name", name)
                .param("key", key)
                .param("now", SqlTime.toSql(Instant.now()))
                .update();
        return jdbc.sql("select id from " + table + " where name_key = :key").param("key", key).query(Long.class).single();
    }

    private void setCreatedAt(Ticket ticket, Instant createdAt) {
        jdbc.sql("update ticket set created_at = :at where id = :id")
                .param("at", SqlTime.toSql(createdAt))
                .param("id", ticket.id())
                .update();
    }
}
