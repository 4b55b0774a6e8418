package dev.mailroom.cluster;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/cluster")
@Tag(name = "Cluster")
class ClusterController {

    private final ClusterStatus status;

    ClusterController(ClusterStatus status) {
        this.status = status;
    }

    @GetMapping("/nodes")
    @Operation(summary = "Every node sharing this database: state, last heartbeat, the mailboxes whose IDLE connection it "
            + "holds, the scheduled work it runs")
    List<ClusterNodeView> nodes() {
        return status.nodes();
    }
}
