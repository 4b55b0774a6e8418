package dev.mailroom.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.mailroom.storage.BlobOwner;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/** Writes and reads the Email Audit. Every feature that handles mail reports here. */
@Service
public class AuditLog implements BlobOwner {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Optional<Clock> clock) {
        this.repository = repository;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Stores the entry (in the caller's transaction, if any) and returns its id. */
    public long record(NewAuditEntry entry) {
        return repository.insert(entry, entry.occurredAt == null ? clock.instant() : entry.occurredAt);
    }

    /** The same event happened again: count it on the existing entry. Returns false if that entry was purged. */
    public boolean repeat(long entryId) {
        return repository.repeat(entryId, clock.instant(), null, null);
    }

    /**
     * The same situation went on (a mailbox still unreachable): count it on the existing entry, and add the step to
     * its trace if it says something new (the failure changed from "connection dropped" to "connection refused").
     */
    public boolean repeat(long entryId, TraceStep latest) {
        return repository.repeat(entryId, clock.instant(), latest, null);
    }

    /**
     * As {@link #repeat(long, TraceStep)}, and the entry's message becomes {@code message} (a notification still
     * deferred: its message names the next attempt).
     */
    public boolean repeat(long entryId, TraceStep latest, String message) {
        return repository.repeat(entryId, clock.instant(), latest, message);
    }

    public Optional<AuditEntry> find(long id) {
        return repository.findById(id);
    }

    /** The newest entry about each of these inbound emails, by inbound email id (an email without entries is absent). */
    public Map<Long, AuditEntry> latestAbout(Collection<Long> inboundEmailIds) {
        return repository.latestAbout(inboundEmailIds).stream()
                .collect(Collectors.toMap(AuditEntry::inboundEmailId, entry -> entry));
    }

    /**
     * The distinct inbound emails the matching entries are about, oldest first (the order they arrived in), reading at
     * most {@code limit} entries, newest first.
     */
    public List<Long> inboundEmailIds(AuditQuery query, int limit) {
        List<Long> newestFirst = new ArrayList<>(new LinkedHashSet<>(repository.inboundEmailIds(query, limit)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public PageResponse<AuditEntry> search(AuditQuery query, PageRequest page) {
        List<AuditEntry> items = repository.search(query, page);
        long total = page.page() == 0 && items.size() < page.size() ? items.size() : repository.count(query);
        return PageResponse.of(items, page, total);
    }

    /** Entries per status and hour that occurred in [from, to), under the query's other filters (its range is not used). */
    public List<AuditVolume> volumeByHour(AuditQuery query, Instant from, Instant to) {
        return repository.volumeByHour(query, from, to);
    }

    public Optional<String> rawBlobKey(long entryId) {
        return repository.rawBlobKey(entryId);
    }

    @Override
    public boolean references(String key) {
        return repository.referencesBlob(key);
    }

    Instant now() {
        return clock.instant();
    }
}
