package dev.mailroom.lookups;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.Counts;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * The rules for technician groups and categories: names are trimmed and unique whatever their case, and an entry
 * that tickets point to cannot be deleted.
 */
@Service
public class LookupService {

    private final LookupRepository lookups;

    LookupService(LookupRepository lookups) {
        this.lookups = lookups;
    }

    @Transactional(readOnly = true)
    public List<Lookup> list(LookupKind kind) {
        return lookups.findAll(kind);
    }

    @Transactional(readOnly = true)
    public Lookup get(LookupKind kind, long id) {
        return lookups.findById(kind, id).orElseThrow(() -> new NotFoundException(kind.label(), id));
    }

    @Transactional
    public Lookup create(LookupKind kind, LookupDetails details) {
        requireFreeName(kind, details.name(), null);
        try {
            return lookups.insert(kind, details.name(), blankToNull(details.description()));
        } catch (DuplicateKeyException raced) {
            throw nameTaken(kind, details.name());
        }
    }

    @Transactional
    public Lookup update(LookupKind kind, long id, LookupDetails details) {
        get(kind, id);
        requireFreeName(kind, details.name(), id);
        try {
            lookups.update(kind, id, details.name(), blankToNull(details.description()));
        } catch (DuplicateKeyException raced) {
            throw nameTaken(kind, details.name());
        }
        return get(kind, id);
    }

    @Transactional
    public void delete(LookupKind kind, long id) {
        Lookup lookup = get(kind, id);
        long tickets = lookups.countTickets(kind, id);
        if (tickets > 0) {
            throw new ConflictException("id", kind.label() + " " + lookup.name() + " is used by "
                    + Counts.of(tickets, "ticket") + "; move " + (tickets == 1 ? "it" : "them")
                    + " elsewhere before deleting");
        }
        lookups.delete(kind, id);
    }

    private void requireFreeName(LookupKind kind, String name, Long ownId) {
        lookups.findByName(kind, name)
                .filter(existing -> ownId == null || existing.id() != ownId)
                .ifPresent(existing -> {
                    throw nameTaken(kind, name);
                });
    }

    private static ConflictException nameTaken(LookupKind kind, String name) {
        return new ConflictException("name", kind.label() + " " + name.trim() + " already exists");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
