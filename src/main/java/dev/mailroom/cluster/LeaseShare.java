package dev.mailroom.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What one node does with the leases at a beat so that the wanted mailboxes end up shared fairly: every node holds at
 * most its fair share (the wanted mailboxes divided by the live nodes, rounded up). It lets go of leases no longer
 * wanted and of those above its share (for a node that joined), and reaches for free or expired ones below it (a
 * node that left, or was killed, leaves its leases to expire).
 */
record LeaseShare(List<Long> release, List<Long> take) {

    static LeaseShare decide(Set<Long> wanted, List<Long> held, Map<Long, MailboxLeases.Lease> valid, int liveNodes,
            Random random) {
        int fair = wanted.isEmpty() ? 0 : (wanted.size() + Math.max(liveNodes, 1) - 1) / Math.max(liveNodes, 1);
        List<Long> release = new ArrayList<>();
        List<Long> keep = new ArrayList<>();
        for (Long serverId : held) {
            (wanted.contains(serverId) ? keep : release).add(serverId);
        }
        // Above the share: the most recently numbered mailboxes go, so nodes agree on which ones move.
        while (keep.size() > fair) {
            release.add(keep.remove(keep.size() - 1));
        }
        List<Long> free = new ArrayList<>(wanted.stream().filter(serverId -> !valid.containsKey(serverId)).toList());
        Collections.shuffle(free, random); // nodes reaching at the same moment mostly reach for different leases
        List<Long> take = free.subList(0, Math.min(free.size(), Math.max(fair - keep.size(), 0)));
        return new LeaseShare(release, List.copyOf(take));
    }
}
