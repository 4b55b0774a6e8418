package dev.mailroom.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserRepository;

/**
 * What {@link LookupRepository} must do for both kinds on every database the desk runs on; subclasses pick the
 * database. Names carry a tag of their own because the database is shared with other tests of the same context.
 */
abstract class LookupRepositoryContract {

    @Autowired
    LookupRepository lookups;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void insertedEntryIsFoundByIdAndByNameInAnyCase(LookupKind kind) {
        Lookup inserted = lookups.insert(kind, "  Network " + tag + " ", "Routers and switches");

        assertThat(inserted.name()).isEqualTo("Network " + tag);
        assertThat(lookups.findById(kind, inserted.id())).contains(inserted);
        assertThat(lookups.findByName(kind, "NETWORK " + tag.toUpperCase())).contains(inserted);
        assertThat(lookups.findByName(kind, " network " + tag + "  ")).contains(inserted);
        assertThat(lookups.findById(kind, Long.MAX_VALUE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void kindsAreSeparateTables(LookupKind kind) {
        Lookup inserted = lookups.insert(kind, "Only here " + tag, null);
        LookupKind other = kind == LookupKind.CATEGORY ? LookupKind.TECHNICIAN_GROUP : LookupKind.CATEGORY;

        assertThat(lookups.findByName(other, inserted.name())).isEmpty();
        assertThat(lookups.insert(other, inserted.name(), null).name()).isEqualTo(inserted.name());
    }

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void sameNameInOtherCaseIsRefusedByTheUniqueKey(LookupKind kind) {
        lookups.insert(kind, "Printers " + tag, null);

        assertThatThrownBy(() -> lookups.insert(kind, "PRINTERS " + tag, null)).isInstanceOf(DuplicateKeyException.class);
    }

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void allEntriesAreSortedByNameIgnoringCase(LookupKind kind) {
        Lookup charlie = lookups.insert(kind, tag + " charlie", null);
        Lookup alpha = lookups.insert(kind, tag + " Alpha", null);
        Lookup bravo = lookups.insert(kind, tag + " bravo", null);

        assertThat(lookups.findAll(kind)).filteredOn(lookup -> lookup.name().startsWith(tag))
                .containsExactly(alpha, bravo, charlie);
    }

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void updateRenamesAndRedescribes(LookupKind kind) {
        Lookup lookup = lookups.insert(kind, "Old " + tag, "old");

        lookups.update(kind, lookup.id(), " New " + tag, null);

        Lookup updated = lookups.findById(kind, lookup.id()).orElseThrow();
        assertThat(updated.name()).isEqualTo("New " + tag);
        assertThat(updated.description()).isNull();
        assertThat(updated.createdAt()).isEqualTo(lookup.createdAt());
        assertThat(lookups.findByName(kind, "new " + tag)).contains(updated);
        assertThat(lookups.findByName(kind, "old " + tag)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LookupKind.class)
    void ticketsUsingAnEntryAreCountedAndDeleteRemovesAnUnusedOne(LookupKind kind) {
        Lookup used = lookups.insert(kind, "Used " + tag, null);
        Lookup unused = lookups.insert(kind, "Unused " + tag, null);
        long requester = users.insert("requester." + tag + "@example.com", null, UserKind.REQUESTER, false).id();
        new Tickets(jdbc).insertUsing(kind, used.id(), requester);
        new Tickets(jdbc).insertUsing(kind, used.id(), requester);

        assertThat(lookups.countTickets(kind, used.id())).isEqualTo(2);
        assertThat(lookups.countTickets(kind, unused.id())).isZero();

        lookups.delete(kind, unused.id());
        assertThat(lookups.findById(kind, unused.id())).isEmpty();
    }
}
