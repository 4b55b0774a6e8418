package dev.mailroom.console.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

import dev.mailroom.cluster.ExtraNode;
import dev.mailroom.cluster.LocalNode;
import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.testing.Api;

/**
 * Admin › Cluster: every node with its state, last heartbeat and the mailboxes it holds; the same in
 * {@code GET /api/cluster/nodes}, and the holder in the Incoming Email Servers list and status.
 */
@ConsoleTest
class ConsoleClusterTest {

    private static final String PATH = "/admin/cluster";

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    Api api;
    @Autowired
    ApplicationContext context;
    @Autowired
    LocalNode local;

    @Test
    void nodesAreListedWithTheMailboxesTheyHoldAndAStoppedNodeHoldsNone() throws Exception {
        String name = "Clustered " + UUID.randomUUID().toString().substring(0, 8);
        long serverId = newMailbox(name);
        String other = "node-b-" + UUID.randomUUID().toString().substring(0, 6);
        try (ExtraNode nodeB = ExtraNode.start(context, other, Set.of(serverId))) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> nodeB.held().contains(serverId));

            Document page = pages.get(PATH);
            assertThat(page.select("nav a.active").text()).isEqualTo("Cluster");
            assertThat(page.select("th").eachText()).as("times name their zone")
                    .contains("Last heartbeat (" + context.getBean(ConsoleTimes.class).zone() + ")");
            Element row = row(page, other);
            assertThat(row.select(".node-state").text()).isEqualTo("ALIVE");
            assertThat(row.select(".held a").eachText()).containsExactly(name);
            Element self = row(page, local.name());
            assertThat(self.select(".node-state").text()).isEqualTo("ALIVE");
            assertThat(self.text()).contains("this node");
            assertThat(self.select(".held").text()).isEqualTo("none");

            JsonNode nodes = api.admin().get("/api/cluster/nodes").body();
            JsonNode b = find(nodes, other);
            assertThat(b.get("alive").asBoolean()).isTrue();
            assertThat(b.get("lastHeartbeat").asText()).isNotBlank();
            assertThat(b.get("mailboxes").get(0).get("serverId").asLong()).isEqualTo(serverId);
            assertThat(b.get("mailboxes").get(0).get("name").asText()).isEqualTo(name);

            assertThat(api.admin().get("/api/incoming-servers/" + serverId + "/status").get("holder").asText())
                    .isEqualTo(other);
            assertThat(pages.get("/admin/incoming-email-servers").select("#server-" + serverId + " .holder").text())
                    .isEqualTo("held by " + other);

            String fragment = mvc.perform(get(PATH).header("HX-Request", "true").with(AdminPages.ADMIN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document swapped = Jsoup.parse(fragment);
            assertThat(swapped.select("nav")).as("only the table, for htmx to swap").isEmpty();
            assertThat(swapped.select("#nodes[hx-trigger]")).hasSize(1);
            assertThat(row(swapped, other)).isNotNull();
        }

        Document afterStop = pages.get(PATH);
        Element stopped = row(afterStop, other);
        assertThat(stopped.select(".node-state").text()).isEqualTo("STOPPED");
        assertThat(stopped.select(".held").text()).isEqualTo("none");
        assertThat(api.admin().get("/api/incoming-servers/" + serverId + "/status").body().hasNonNull("holder")).isFalse();
    }

    @Test
    void aTechnicianSeesNeitherThePageNorTheApi() throws Exception {
        mvc.perform(get(PATH).with(user("tech").roles("TECHNICIAN"))).andExpect(status().isForbidden());
        assertThat(api.technician().get("/api/cluster/nodes").status()).isEqualTo(403);
    }

    private static Element row(Document page, String node) {
        return page.select("tr").stream().filter(tr -> tr.select(".node-name").text().equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for node " + node));
    }

    private static JsonNode find(JsonNode nodes, String name) {
        for (JsonNode node : nodes) {
            if (node.get("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("node " + name + " not in " + nodes);
    }

    private long newMailbox(String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("mailboxAddresses", List.of("desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        body.put("protocol", "IMAP");
        body.put("host", "imap.example.com");
        body.put("port", 993);
        body.put("security", "SSL_TLS");
        body.put("username", "desk");
        body.put("password", "Mailbox-Pw-Cluster");
        return api.admin().post("/api/incoming-servers", body).get("id").asLong();
    }
}
