package dev.mailroom.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

@MailroomTest
@TestPropertySource(properties = "mailroom.tickets.prefixes=INC-,REQ-")
class TicketApiTest {

    /** Records replies handed to the outgoing feature, and whether each was already committed when it arrived. */
    @TestConfiguration
    static class RecordedReplies {
        final List<TicketReplyAdded> events = new CopyOnWriteArrayList<>();
        final List<Boolean> committed = new CopyOnWriteArrayList<>();

        @Autowired
        ConversationRepository conversations;

        @TransactionalEventListener
        void on(TicketReplyAdded event) {
            events.add(event);
            // Another thread has its own connection and only sees committed rows.
            committed.add(CompletableFuture.supplyAsync(() -> conversations.findById(event.conversationId()).isPresent()).join());
        }
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttachmentService attachments;

    @Autowired
    BlobStore blobs;

    @Autowired
    RecordedReplies replies;

    @BeforeEach
    void emptyTicketTables() {
        // Notifications about the tickets (V8/V10 outbox) go first: they reference tickets and attachments.
        jdbc.sql("delete from outbox_email").update();
        jdbc.sql("delete from attachment").update();
        jdbc.sql("delete from conversation").update();
        jdbc.sql("delete from ticket").update();
        jdbc.sql("delete from ticket_counter").update();
        replies.events.clear();
        replies.committed.clear();
    }

    @Test
    void anEmptyDeskListsAnEmptyPage() {
        var response = api.technician().get("/api/tickets");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(api.json("""
                {"items":[],"page":0,"size":25,"totalItems":0,"totalPages":0}"""));
    }

    @Test
    void createdTicketIsFoundByIdAndByDisplayId() {
        var created = api.technician().post("/api/tickets", Map.of(
                "subject", "VPN drops every hour",
                "description", "Since Monday",
                "requesterEmail", "ann@example.com",
                "requesterName", "Ann Example"));

        assertThat(created.status()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.headers().getLocation()).hasPath("/api/tickets/" + id);
        assertThat(created.get("displayId").asString()).isEqualTo("INC-1");
        assertThat(created.get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("priority").asString()).isEqualTo("MEDIUM");
        assertThat(created.get("source").asString()).isEqualTo("API");
        assertThat(created.get("description").asString()).isEqualTo("Since Monday");
        assertThat(created.get("requester").get("email").asString()).isEqualTo("ann@example.com");
        assertThat(created.get("requester").get("name").asString()).isEqualTo("Ann Example");
        assertThat(created.get("conversations").size()).isZero();

        var byId = api.technician().get(created.headers().getLocation().getPath());
        var byDisplayId = api.admin().get("/api/tickets/INC-1");
        var byLowerCaseDisplayId = api.admin().get("/api/tickets/inc-1");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body()).isEqualTo(created.body());
        assertThat(byDisplayId.body()).isEqualTo(created.body());
        assertThat(byLowerCaseDisplayId.get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aTicketMayNameAnAllowedPrefixAndAGroupAndCategory() {
        long group = insertLookup("technician_group", "Network");
        long category = insertLookup("category", "Hardware");

        var created = api.admin().post("/api/tickets", Map.of("subject", "Switch down", "requesterEmail", "bob@example.com",
                "prefix", "REQ-", "priority", "URGENT", "groupId", group, "categoryId", category));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("displayId").asString()).isEqualTo("REQ-1");
        assertThat(created.get("priority").asString()).isEqualTo("URGENT");
        assertThat(created.get("group").get("id").asLong()).isEqualTo(group);
        assertThat(created.get("group").get("name").asString()).isEqualTo("Network");
        assertThat(created.get("category").get("name").asString()).isEqualTo("Hardware");
    }

    @Test
    void htmlIsSanitizedAndItsTextKept() {
        var created = api.technician().post("/api/tickets", Map.of("subject", "Phishing?", "requesterEmail", "ann@example.com",
                "descriptionHtml", "<p onclick=\"steal()\">Got a <b>strange</b> mail</p><script>alert('x')</script>"));

        assertThat(created.status()).isEqualTo(201);
        String html = created.get("descriptionHtml").asString();
        assertThat(html).contains("<b>strange</b>").doesNotContain("<script", "alert", "onclick", "steal");
        assertThat(created.get("description").asString()).isEqualTo("Got a strange mail");
    }

    @Test
    void invalidTicketsAreRefusedWithFieldErrors() {
        var response = api.technician().post("/api/tickets", Map.of("requesterEmail", "not an email", "priority", "SOMEDAY"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("subject", "requesterEmail", "priority");
        assertThat(errorMessage(response, "priority")).isEqualTo("must be one of [LOW, MEDIUM, HIGH, URGENT]");

        var tooLong = api.technician().post("/api/tickets", Map.of("subject", "x".repeat(1001), "requesterEmail", "a@example.com"));
        assertThat(tooLong.get("errors").findValuesAsString("field")).containsExactly("subject");

        var unknownGroup = api.technician().post("/api/tickets", Map.of("subject", "s", "requesterEmail", "a@example.com", "groupId", 4711));
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(errorMessage(unknownGroup, "groupId")).isEqualTo("Technician group 4711 does not exist");

        var unknownCategory = api.technician().post("/api/tickets", Map.of("subject", "s", "requesterEmail", "a@example.com", "categoryId", 4711));
        assertThat(errorMessage(unknownCategory, "categoryId")).isEqualTo("Category 4711 does not exist");

        var unknownPrefix = api.technician().post("/api/tickets", Map.of("subject", "s", "requesterEmail", "a@example.com", "prefix", "CHG-"));
        assertThat(errorMessage(unknownPrefix, "prefix")).isEqualTo("must be one of [INC-, REQ-]");

        assertThat(api.technician().get("/api/tickets").get("totalItems").asInt()).isZero();
    }

    @Test
    void listFiltersAndPages() {
        long group = insertLookup("technician_group", "Desktop");
        create(Map.of("subject", "Printer jam", "requesterEmail", "ann@example.com", "priority", "LOW"));
        create(Map.of("subject", "VPN drops", "requesterEmail", "bob@example.com", "priority", "HIGH", "groupId", group));
        create(Map.of("subject", "New printer toner", "requesterEmail", "Ann@Example.com"));
        api.technician().patch("/api/tickets/INC-2", Map.of("status", "RESOLVED"));
        jdbc.sql("update ticket set created_at = :at where display_id = 'INC-1'")
                .param("at", SqlTime.toSql(Instant.parse("2026-01-01T00:00:00Z"))).update();

        assertThat(displayIds("/api/tickets")).containsExactly("INC-3", "INC-2", "INC-1");
        assertThat(displayIds("/api/tickets?status=OPEN")).containsExactly("INC-3", "INC-1");
        assertThat(displayIds("/api/tickets?status=OPEN&status=RESOLVED")).containsExactly("INC-3", "INC-2", "INC-1");
        assertThat(displayIds("/api/tickets?priority=HIGH")).containsExactly("INC-2");
        assertThat(displayIds("/api/tickets?requester=ANN@example.com")).containsExactly("INC-3", "INC-1");
        assertThat(displayIds("/api/tickets?groupId=" + group)).containsExactly("INC-2");
        assertThat(displayIds("/api/tickets?categoryId=" + group)).isEmpty();
        assertThat(displayIds("/api/tickets?source=API")).hasSize(3);
        assertThat(displayIds("/api/tickets?source=EMAIL")).isEmpty();
        assertThat(displayIds("/api/tickets?q=PRINTER")).containsExactly("INC-3", "INC-1");
        assertThat(displayIds("/api/tickets?q=printer&priority=LOW")).containsExactly("INC-1");
        assertThat(displayIds("/api/tickets?createdFrom=2026-01-02T00:00:00Z")).containsExactly("INC-3", "INC-2");
        assertThat(displayIds("/api/tickets?createdTo=2026-01-02T00:00:00Z")).containsExactly("INC-1");

        var page = api.technician().get("/api/tickets?page=1&size=2");
        assertThat(page.get("items").findValuesAsString("displayId")).containsExactly("INC-1");
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalItems").asInt()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("requester").get("email").asString()).isEqualTo("ann@example.com");
        assertThat(item.has("description")).isFalse();

        assertThat(errorMessage(api.technician().get("/api/tickets?status=DONE"), "status"))
                .isEqualTo("must be one of [OPEN, IN_PROGRESS, RESOLVED, CLOSED]");
        assertThat(api.technician().get("/api/tickets?createdFrom=yesterday").get("errors").findValuesAsString("field"))
                .containsExactly("createdFrom");
        assertThat(api.technician().get("/api/tickets?size=1000").get("errors").findValuesAsString("field"))
                .containsExactly("size");
    }

    @Test
    void patchChangesFieldsAndResolvingStampsResolvedAt() {
        create(Map.of("subject", "Printer jam", "requesterEmail", "ann@example.com"));
        long group = insertLookup("technician_group", "Printing");

        var resolved = api.technician().patch("/api/tickets/INC-1", Map.of("status", "RESOLVED", "priority", "HIGH",
                "subject", "Printer jam on floor 2", "groupId", group));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("priority").asString()).isEqualTo("HIGH");
        assertThat(resolved.get("subject").asString()).isEqualTo("Printer jam on floor 2");
        assertThat(resolved.get("group").get("name").asString()).isEqualTo("Printing");
        Instant resolvedAt = Instant.parse(resolved.get("resolvedAt").asString());
        assertThat(resolvedAt).isEqualTo(Instant.parse(resolved.get("updatedAt").asString()));
        assertThat(resolved.body().has("closedAt")).isFalse();

        var closed = api.technician().patch("/api/tickets/INC-1", Map.of("status", "CLOSED"));
        assertThat(closed.get("closedAt")).isNotNull();
        assertThat(Instant.parse(closed.get("resolvedAt").asString())).isEqualTo(resolvedAt);

        var reopened = api.technician().patch("/api/tickets/INC-1", Map.of("status", "OPEN"));
        assertThat(reopened.body().has("resolvedAt")).isFalse();
        assertThat(reopened.body().has("closedAt")).isFalse();
        assertThat(reopened.get("priority").asString()).isEqualTo("HIGH");

        var invalid = api.technician().patch("/api/tickets/INC-1", Map.of("status", "DONE", "subject", "  "));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status", "subject");
        assertThat(errorMessage(api.technician().patch("/api/tickets/INC-1", Map.of("categoryId", 999)), "categoryId"))
                .isEqualTo("Category 999 does not exist");
    }

    @Test
    void repliesGoToTheRequesterAndNotesStayInternal() {
        long id = create(Map.of("subject", "Laptop slow", "requesterEmail", "ann@example.com"));

        var reply = api.technician().post("/api/tickets/INC-1/replies", Map.of("bodyHtml", "<p>Please <i>restart</i></p><script>x()</script>",
                "cc", List.of("boss@example.com")));
        var note = api.admin().post("/api/tickets/" + id + "/notes", Map.of("body", "Known issue with the disk"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.get("direction").asString()).isEqualTo("OUTGOING");
        assertThat(reply.get("to").get(0).asString()).isEqualTo("ann@example.com");
        assertThat(reply.get("cc").get(0).asString()).isEqualTo("boss@example.com");
        assertThat(reply.get("body").asString()).isEqualTo("Please restart");
        assertThat(reply.get("bodyHtml").asString()).contains("<i>restart</i>").doesNotContain("script");
        assertThat(reply.get("createdBy").asString()).isEqualTo(Api.TECHNICIAN);
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.get("direction").asString()).isEqualTo("NOTE");
        assertThat(note.get("createdBy").asString()).isEqualTo("admin");
        assertThat(note.get("to").size()).isZero();

        var ticket = api.technician().get("/api/tickets/INC-1");
        assertThat(ticket.get("conversations").findValuesAsString("direction")).containsExactly("OUTGOING", "NOTE");
        assertThat(Instant.parse(ticket.get("updatedAt").asString()))
                .isEqualTo(Instant.parse(note.get("createdAt").asString()));

        assertThat(replies.events).containsExactly(new TicketReplyAdded(id, "INC-1", reply.get("id").asLong()));
        assertThat(replies.committed).containsExactly(true);

        var explicit = api.technician().post("/api/tickets/INC-1/replies", Map.of("body", "FYI", "to", List.of("it@example.com")));
        assertThat(explicit.get("to").get(0).asString()).isEqualTo("it@example.com");

        var empty = api.technician().post("/api/tickets/INC-1/replies", Map.of("body", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(errorMessage(empty, "body")).startsWith("must not be empty");
        var badCc = api.technician().post("/api/tickets/INC-1/replies", Map.of("body", "hi", "cc", List.of("nope")));
        assertThat(badCc.status()).isEqualTo(400);
        assertThat(badCc.get("errors").get(0).get("field").asString()).startsWith("cc");
        assertThat(replies.events).hasSize(2);
    }

    @Test
    void unknownTicketsAreNotFound() {
        create(Map.of("subject", "Exists", "requesterEmail", "ann@example.com"));

        for (String ref : List.of("999999", "INC-999", "REQ-1", "nonsense", "99999999999999999999999")) {
            var response = api.technician().get("/api/tickets/" + ref);
            assertThat(response.status()).as(ref).isEqualTo(404);
            assertThat(response.get("title").asString()).isEqualTo("Not found");
        }
        assertThat(api.technician().patch("/api/tickets/INC-9", Map.of("status", "OPEN")).status()).isEqualTo(404);
        assertThat(api.technician().post("/api/tickets/INC-9/replies", Map.of("body", "x")).status()).isEqualTo(404);
        assertThat(api.technician().post("/api/tickets/INC-9/notes", Map.of("body", "x")).status()).isEqualTo(404);
        assertThat(download("/api/tickets/INC-9/attachments/1").status()).isEqualTo(404);
    }

    @Test
    void signingInIsRequired() {
        assertThat(api.anonymous().get("/api/tickets").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/tickets/INC-1").status()).isEqualTo(401);
        var create = api.anonymous().post("/api/tickets", Map.of("subject", "s", "requesterEmail", "a@example.com"));
        assertThat(create.status()).isEqualTo(401);
        assertThat(create.get("title").asString()).isEqualTo("Sign-in required");
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isZero();
    }

    @Test
    void uploadedAttachmentDownloadsByteForByte() {
        long id = create(Map.of("subject", "Crash dump", "requesterEmail", "ann@example.com"));
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);

        var uploaded = upload("/api/tickets/INC-1/attachments", "C:\\fakepath\\crash dump.bin", MediaType.APPLICATION_PDF, bytes);

        assertThat(uploaded.status()).isEqualTo(201);
        JsonNode attachment = api.json(uploaded.text());
        assertThat(attachment.get("fileName").asString()).isEqualTo("crash dump.bin");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(attachment.get("state").asString()).isEqualTo("STORED");
        String location = uploaded.headers().getLocation().getPath();
        assertThat(location).isEqualTo("/api/tickets/" + id + "/attachments/" + attachment.get("id").asLong());

        var downloaded = download(location);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.bytes()).isEqualTo(bytes);
        assertThat(downloaded.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(downloaded.headers().getContentLength()).isEqualTo(bytes.length);
        ContentDisposition disposition = downloaded.headers().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("crash dump.bin");
        assertThat(downloaded.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(download("/api/tickets/INC-1/attachments/" + attachment.get("id").asLong()).bytes()).isEqualTo(bytes);
        assertThat(api.technician().get("/api/tickets/INC-1").get("attachments").findValuesAsString("fileName"))
                .containsExactly("crash dump.bin");
    }

    @Test
    void downloadsNameNonAsciiFilesSafelyAndShowSafeImagesInline() throws Exception {
        long id = create(Map.of("subject", "Scans", "requesterEmail", "ann@example.com"));
        BlobRef blob = blobs.put(new ByteArrayInputStream("scan".getBytes(StandardCharsets.UTF_8)));
        Attachment report = attachments.add(id, null, NewAttachment.stored("Bericht \"März\"\r\n.pdf", "application/pdf", null, blob));
        Attachment photo = attachments.add(id, null, NewAttachment.stored("photo.png", "image/png", null, blob));
        Attachment page = attachments.add(id, null, NewAttachment.stored("page.html", "text/html", null, blob));

        ContentDisposition reportDisposition = download(path(report)).headers().getContentDisposition();
        assertThat(reportDisposition.isAttachment()).isTrue();
        assertThat(reportDisposition.getFilename()).isEqualTo("Bericht März.pdf");
        assertThat(download(path(photo)).headers().getContentDisposition().isInline()).isTrue();
        var html = download(path(page));
        assertThat(html.headers().getContentDisposition().isAttachment()).isTrue();
        assertThat(html.headers().getFirst("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void attachmentsOfOtherTicketsMissingBlobsAndEmptyUploadsAreRefused() {
        long first = create(Map.of("subject", "One", "requesterEmail", "ann@example.com"));
        create(Map.of("subject", "Two", "requesterEmail", "ann@example.com"));
        var uploaded = upload("/api/tickets/INC-1/attachments", "a.txt", MediaType.TEXT_PLAIN, "hello".getBytes());
        long attachmentId = api.json(uploaded.text()).get("id").asLong();
        Attachment lost = attachments.add(first, null, NewAttachment.stored("lost.txt", "text/plain", null, new BlobRef("0".repeat(64), 3)));

        assertThat(download("/api/tickets/INC-1/attachments/" + attachmentId).status()).isEqualTo(200);
        assertThat(download("/api/tickets/INC-2/attachments/" + attachmentId).status()).isEqualTo(404);
        assertThat(download("/api/tickets/INC-1/attachments/" + (attachmentId + 1000)).status()).isEqualTo(404);
        assertThat(download(path(lost)).status()).isEqualTo(404);

        var empty = upload("/api/tickets/INC-1/attachments", "empty.txt", MediaType.TEXT_PLAIN, new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.json(empty.text()).get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(upload("/api/tickets/INC-7/attachments", "a.txt", MediaType.TEXT_PLAIN, "x".getBytes()).status()).isEqualTo(404);
    }

    @Test
    void theEndpointsAreDescribedInTheApiDocs() {
        var docs = api.admin().get("/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/api/tickets")).isTrue();
        assertThat(paths.get("/api/tickets/{ref}").has("patch")).isTrue();
        assertThat(paths.has("/api/tickets/{ref}/replies")).isTrue();
        assertThat(paths.has("/api/tickets/{ref}/notes")).isTrue();
        assertThat(paths.get("/api/tickets/{ref}/attachments").has("post")).isTrue();
        assertThat(paths.has("/api/tickets/{ref}/attachments/{id}")).isTrue();
    }

    private long create(Map<String, Object> ticket) {
        var created = api.technician().post("/api/tickets", ticket);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private List<String> displayIds(String path) {
        var response = api.technician().get(path);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.get("items").findValuesAsString("displayId");
    }

    private static String errorMessage(Api.Response response, String field) {
        for (JsonNode error : response.get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }

    private long insertLookup(String table, String name) {
        String key = name.toLowerCase() + "-" + System.nanoTime();
        jdbc.sql("insert into " + table + " (name, name_key, created_at) values (:name, :key, :now)")
                .params(new HashMap<>(Map.of("name", name, "key", key, "now", SqlTime.toSql(Instant.now()))))
                .update();
        return jdbc.sql("select id from " + table + " where name_key = :key").param("key", key).query(Long.class).single();
    }

    private static String path(Attachment attachment) {
        return "/api/tickets/" + attachment.ticketId() + "/attachments/" + attachment.id();
    }

    record Raw(int status, byte[] bytes, HttpHeaders headers) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    // The shared Api client speaks JSON; uploads and downloads need multipart and raw bytes.
    private RestClient client() {
        String token = Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl(api.baseUrl()).defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token).build();
    }

    private Raw upload(String path, String fileName, MediaType type, byte[] bytes) {
        var partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        var file = new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(file, partHeaders));
        return client().post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> new Raw(response.getStatusCode().value(),
                        response.getBody().readAllBytes(), response.getHeaders()));
    }

    private Raw download(String path) {
        return client().get().uri(path).exchange((request, response) -> new Raw(response.getStatusCode().value(),
                response.getBody().readAllBytes(), response.getHeaders()));
    }
}
