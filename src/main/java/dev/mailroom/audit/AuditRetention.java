package dev.mailroom.audit;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.mailroom.storage.BlobCollector;

/**
 * Purges audit entries (and raw mail no longer referenced anywhere) older than {@code mailroom.audit.retention-days}.
 * Runs as a db-scheduler task, so with several nodes exactly one of them purges at a time.
 */
@Configuration
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 1000;

    @ConfigurationProperties("mailroom.audit")
    record Settings(Integer retentionDays, Duration retentionInterval) {
        Settings {
            retentionDays = retentionDays == null ? 90 : retentionDays;
            retentionInterval = retentionInterval == null ? Duration.ofHours(1) : retentionInterval;
        }
    }

    @Bean
    RecurringTask<Void> auditRetentionTask(Settings settings, AuditRepository repository, BlobCollector blobs, AuditLog audit) {
        return Tasks.recurring("audit-retention", FixedDelay.of(settings.retentionInterval()))
                .execute((instance, context) -> purge(settings, repository, blobs, audit.now()));
    }

    /** Returns how many entries were removed. */
    static int purge(Settings settings, AuditRepository repository, BlobCollector blobs, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(settings.retentionDays()));
        int entries = 0;
        int blobsDeleted = 0;
        AuditRepository.Purged batch;
        do {
            batch = repository.purgeOlderThan(cutoff, BATCH);
            entries += batch.entries();
            blobsDeleted += blobs.collect(batch.releasedBlobKeys());
        } while (batch.entries() == BATCH);
        if (entries > 0) {
            log.info("Audit retention: removed {} entries older than {} days and {} raw emails no longer referenced",
                    entries, settings.retentionDays(), blobsDeleted);
        }
        return entries;
    }
}
