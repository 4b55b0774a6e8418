package dev.mailroom.cluster;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;

import dev.mailroom.platform.SqlTime;

/** This node: its name in the node table, in mailbox leases, and as db-scheduler's {@code picked_by}. */
public record LocalNode(String name, String version, Instant startedAt) {

    @Configuration
    static class Setup {

        @Bean
        LocalNode localNode(ClusterProperties properties, Optional<BuildProperties> build) {
            String version = build.map(BuildProperties::getVersion)
                    .or(() -> Optional.ofNullable(LocalNode.class.getPackage().getImplementationVersion()))
                    .orElse("development");
            return new LocalNode(properties.nodeName(), version, SqlTime.now());
        }

        /** So that the scheduler's table says which node runs a poll or job (db-scheduler would use the host name). */
        @Bean
        DbSchedulerCustomizer schedulerNamedAfterNode(LocalNode node) {
            return new DbSchedulerCustomizer() {
                @Override
                public Optional<SchedulerName> schedulerName() {
                    return Optional.of(new SchedulerName.Fixed(node.name()));
                }
            };
        }
    }
}
