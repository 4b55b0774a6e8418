package dev.mailroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/**
 * Mailbox leases on PostgreSQL, where the nodes of a cluster meet: of several nodes reaching for one lease at the same
 * moment exactly one gets it; mailboxes are shared fairly among the nodes, and move when a node leaves or joins.
 */
@MailroomTest
@OnPostgres
class ClusterLeasesPostgresTest {

    @Autowired
    Api api;
    @Autowired
    ApplicationContext context;
    @Autowired
    MailboxLeases leases;
    @Autowired
    ClusterNodes nodes;

    @Test
    void ofEightNodesReachingForOneLeaseAtOnceExactlyOneGetsIt() throws Exception {
        long serverId = newMailbox();
        for (int round = 0; round < 5; round++) {
            Instant now = nodes.now();
            // Free or expired: the first round finds no lease row, the later ones an expired lease.
            Instant expires = now.plusMillis(1);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService racers = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> takes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String node = "racer-" + round + "-" + i;
                    Callable<Boolean> take = () -> {
                        start.await();
                        return leases.take(serverId, node, now, expires);
                    };
                    takes.add(racers.submit(take));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> take : takes) {
                    winners += take.get() ? 1 : 0;
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
            } finally {
                racers.shutdownNow();
            }
            Thread.sleep(5); // let the lease expire for the next round
        }
    }

    @Test
    void mailboxesAreSharedFairlyAndMoveWhenNodesLeaveAndJoin() throws Exception {
        Set<Long> mailboxes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mailboxes.add(newMailbox());
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (ExtraNode a = ExtraNode.start(context, "a-" + run, mailboxes);
                ExtraNode b = ExtraNode.start(context, "b-" + run, mailboxes);
                ExtraNode c = ExtraNode.start(context, "c-" + run, mailboxes)) {
            awaitShared(mailboxes, 2, a, b, c);

            a.close();
            awaitShared(mailboxes, 3, b, c);
            assertThat(a.held()).isEmpty();
            assertThat(stateOf("a-" + run)).isEqualTo(ClusterNodeView.State.STOPPED);

            try (ExtraNode d = ExtraNode.start(context, "d-" + run, mailboxes)) {
                awaitShared(mailboxes, 2, b, c, d);
                assertThat(d.held()).isNotEmpty();
            }
        }
    }

    /** Every mailbox held by exactly one of the nodes, none holding more than {@code fairShare}. */
    private void awaitShared(Set<Long> mailboxes, int fairShare, ExtraNode... holders) {
        Awaitility.await("mailboxes shared with at most " + fairShare + " each").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    List<Long> all = Stream.of(holders).flatMap(node -> node.held().stream()).toList();
                    assertThat(all).containsExactlyInAnyOrderElementsOf(mailboxes);
                    assertThat(holders).allSatisfy(node -> assertThat(node.held().size()).isLessThanOrEqualTo(fairShare));
                    assertThat(leases.valid(nodes.now()).keySet()).containsAll(mailboxes);
                });
    }

    private ClusterNodeView.State stateOf(String node) {
        return context.getBean(ClusterStatus.class).nodes().stream().filter(view -> view.name().equals(node))
                .findFirst().orElseThrow().state();
    }

    private long newMailbox() {
        String name = "Leased " + UUID.randomUUID().toString().substring(0, 8);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("mailboxAddresses", List.of("desk-" + name.substring(7) + "@example.com"));
        body.put("protocol", "IMAP");
        body.put("host", "imap.example.com");
        body.put("port", 993);
        body.put("security", "SSL_TLS");
        body.put("username", "desk");
        body.put("password", "Mailbox-Pw-Leases");
        var created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).isEqualTo(201);
        return created.get("id").asLong();
    }
}
