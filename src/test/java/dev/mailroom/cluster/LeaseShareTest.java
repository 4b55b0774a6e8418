package dev.mailroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A node's part of the sharing: at most its fair share, what is no longer wanted given back, free leases reached for. */
class LeaseShareTest {

    private static final Set<Long> FIVE = Set.of(1L, 2L, 3L, 4L, 5L);

    @Test
    void aLoneNodeTakesEveryFreeMailbox() {
        LeaseShare share = LeaseShare.decide(FIVE, List.of(), Map.of(), 1, new Random(1));
        assertThat(share.take()).containsExactlyInAnyOrderElementsOf(FIVE);
        assertThat(share.release()).isEmpty();
    }

    @Test
    void aNodeAboveItsShareWhenAnotherJoinsGivesBackTheHighestNumbered() {
        LeaseShare share = LeaseShare.decide(FIVE, List.of(1L, 2L, 3L, 4L, 5L), held(FIVE, "a"), 3, new Random(1));
        assertThat(share.release()).containsExactly(5L, 4L, 3L);
        assertThat(share.take()).isEmpty();
    }

    @Test
    void aNodeBelowItsShareTakesOnlyWhatNobodyHolds() {
        Map<Long, MailboxLeases.Lease> valid = Map.of(1L, lease(1L, "a"), 2L, lease(2L, "a"), 3L, lease(3L, "b"));
        LeaseShare share = LeaseShare.decide(FIVE, List.of(), valid, 3, new Random(1));
        assertThat(share.take()).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void aMailboxNoLongerWantedIsGivenBack() {
        LeaseShare share = LeaseShare.decide(Set.of(1L), List.of(1L, 9L), held(Set.of(1L, 9L), "a"), 1, new Random(1));
        assertThat(share.release()).containsExactly(9L);
        assertThat(share.take()).isEmpty();
    }

    @Test
    void nothingWantedNothingTaken() {
        assertThat(LeaseShare.decide(Set.of(), List.of(), Map.of(), 0, new Random(1)).take()).isEmpty();
    }

    private static Map<Long, MailboxLeases.Lease> held(Set<Long> serverIds, String node) {
        return serverIds.stream().collect(java.util.stream.Collectors.toMap(id -> id, id -> lease(id, node)));
    }

    private static MailboxLeases.Lease lease(long serverId, String node) {
        return new MailboxLeases.Lease(serverId, node, Instant.EPOCH, Instant.EPOCH.plusSeconds(5));
    }
}
