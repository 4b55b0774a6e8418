package dev.mailroom.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mailroom.health.database-check-interval}: how often this node checks that it still reaches its database. */
@ConfigurationProperties("mailroom.health")
record HealthProperties(Duration databaseCheckInterval) {

    HealthProperties {
        databaseCheckInterval = databaseCheckInterval == null ? Duration.ofSeconds(2) : databaseCheckInterval;
    }
}
