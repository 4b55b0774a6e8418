package dev.mailroom.console.cluster;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.cluster.ClusterStatus;
import dev.mailroom.console.Htmx;

/**
 * Admin › Cluster: every node sharing the database, alive or not, with its last heartbeat, the mailboxes whose IDLE
 * connection it holds and the scheduled work it runs, as {@code GET /api/cluster/nodes}. The table refreshes itself
 * every few seconds (htmx), so a node that dies is seen going DEAD and its mailboxes moving.
 */
@Controller
@RequestMapping("/admin/cluster")
class ClusterPageController {

    private final ClusterStatus cluster;

    ClusterPageController(ClusterStatus cluster) {
        this.cluster = cluster;
    }

    @GetMapping
    String nodes(@RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String hxRequest, Model model) {
        model.addAttribute("nodes", cluster.nodes());
        return Htmx.view(hxRequest, "console/cluster/nodes", "nodes");
    }
}
