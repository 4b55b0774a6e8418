package dev.mailroom.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.web.PageRequest;

/**
 * What {@link UserRepository} must do on every database the desk runs on; subclasses pick the database.
 * The database is shared with other tests of the same Spring context, so every test works on addresses of its own.
 */
abstract class UserRepositoryContract {

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String email(String local) {
        return local + "." + tag + "@example.com";
    }

    @Test
    void insertedUserIsFoundByIdWithEveryColumn() {
        DeskUser inserted = users.insert(" " + email("ana") + " ", "Ana Lima", UserKind.TECHNICIAN, false);

        DeskUser found = users.findById(inserted.id()).orElseThrow();

        assertThat(found).isEqualTo(inserted);
        assertThat(found.email()).isEqualTo(email("ana"));
        assertThat(found.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(found.createdAt()).isEqualTo(found.updatedAt()).isNotNull();
    }

    @Test
    void unknownIdAndAddressFindNothing() {
        assertThat(users.findById(Long.MAX_VALUE)).isEmpty();
        assertThat(users.findByEmail(email("nobody"))).isEmpty();
    }

    @Test
    void emailLookupIgnoresCaseAndSurroundingBlanks() {
        DeskUser inserted = users.insert(email("Bruno.Costa"), null, UserKind.REQUESTER, false);

        assertThat(users.findByEmail(email("bruno.costa").toUpperCase())).contains(inserted);
        assertThat(users.findByEmail("  " + email("BRUNO.costa") + "\t")).contains(inserted);
    }

    @Test
    void sameAddressInOtherCaseIsRefusedByTheUniqueKey() {
        users.insert(email("carla"), null, UserKind.REQUESTER, false);

        assertThatThrownBy(() -> users.insert(email("CARLA"), null, UserKind.REQUESTER, false))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void updateWritesDetailsAndStampsUpdatedAtButKeepsStatusAndGuest() {
        DeskUser guest = users.insert(email("dora"), null, UserKind.REQUESTER, true);

        users.update(guest.id(), email("Dora.New"), "Dora", UserKind.TECHNICIAN);

        DeskUser updated = users.findById(guest.id()).orElseThrow();
        assertThat(updated.email()).isEqualTo(email("Dora.New"));
        assertThat(updated.name()).isEqualTo("Dora");
        assertThat(updated.kind()).isEqualTo(UserKind.TECHNICIAN);
        assertThat(updated.guest()).isTrue();
        assertThat(updated.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(updated.updatedAt()).isAfter(guest.updatedAt());
        assertThat(updated.createdAt()).isEqualTo(guest.createdAt());
        assertThat(users.findByEmail(email("dora.new"))).contains(updated);
        assertThat(users.findByEmail(email("dora"))).isEmpty();
    }

    @Test
    void statusChangesAreStoredAndStamped() {
        DeskUser user = users.insert(email("eva"), "Eva", UserKind.REQUESTER, false);

        users.changeStatus(user.id(), UserStatus.ARCHIVED);
        DeskUser archived = users.findById(user.id()).orElseThrow();
        users.changeStatus(user.id(), UserStatus.DELETED);
        DeskUser deleted = users.findById(user.id()).orElseThrow();
        users.changeStatus(user.id(), UserStatus.ACTIVE);
        DeskUser restored = users.findById(user.id()).orElseThrow();

        assertThat(archived.status()).isEqualTo(UserStatus.ARCHIVED);
        assertThat(archived.active()).isFalse();
        assertThat(deleted.status()).isEqualTo(UserStatus.DELETED);
        assertThat(restored.active()).isTrue();
        assertThat(archived.updatedAt()).isAfter(user.updatedAt());
        assertThat(restored.updatedAt()).isAfter(deleted.updatedAt());
    }

    @Test
    void searchFiltersByTextKindStatusAndGuestOrderedByEmail() {
        DeskUser zed = users.insert(email("zed"), "Zed Smith", UserKind.TECHNICIAN, false);
        DeskUser amy = users.insert(email("amy"), "Amy Jones", UserKind.REQUESTER, true);
        DeskUser max = users.insert(email("max"), "Max SMITHERS", UserKind.REQUESTER, false);
        users.changeStatus(max.id(), UserStatus.ARCHIVED);
        PageRequest all = PageRequest.of(0, 50);

        assertThat(ids(users.search(new UserFilter(tag, null, null, null), all))).containsExactly(amy.id(), max.id(), zed.id());
        assertThat(ids(users.search(new UserFilter(tag.toUpperCase(), UserKind.TECHNICIAN, null, null), all)))
                .containsExactly(zed.id());
        assertThat(ids(users.search(new UserFilter(tag, null, UserStatus.ARCHIVED, null), all))).containsExactly(max.id());
        assertThat(ids(users.search(new UserFilter(tag, null, null, true), all))).containsExactly(amy.id());
        assertThat(ids(users.search(new UserFilter(tag, UserKind.REQUESTER, UserStatus.ACTIVE, false), all))).isEmpty();
        // the name matches too, whatever its case
        assertThat(users.search(new UserFilter("smith", null, null, null), PageRequest.of(0, 200)))
                .extracting(DeskUser::id).contains(zed.id(), max.id()).doesNotContain(amy.id());
        assertThat(users.count(new UserFilter(tag, UserKind.REQUESTER, null, null))).isEqualTo(2);
    }

    @Test
    void searchTreatsLikeWildcardsAsPlainCharacters() {
        DeskUser percent = users.insert("50%off." + tag + "@example.com", null, UserKind.REQUESTER, false);
        DeskUser plain = users.insert("500ff." + tag + "@example.com", null, UserKind.REQUESTER, false);
        DeskUser underscore = users.insert("first_name." + tag + "@example.com", null, UserKind.REQUESTER, false);
        users.insert("firstxname." + tag + "@example.com", null, UserKind.REQUESTER, false);

        assertThat(ids(users.search(new UserFilter("50%", null, null, null), PageRequest.of(0, 200))))
                .contains(percent.id()).doesNotContain(plain.id());
        assertThat(ids(users.search(new UserFilter("first_name." + tag, null, null, null), PageRequest.of(0, 200))))
                .containsExactly(underscore.id());
    }

    @Test
    void searchPagesThroughTheMatches() {
        List<Long> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(users.insert(email("page" + i), null, UserKind.REQUESTER, false).id());
        }
        UserFilter filter = new UserFilter(tag, null, null, null);

        assertThat(ids(users.search(filter, PageRequest.of(0, 2)))).containsExactly(inserted.get(0), inserted.get(1));
        assertThat(ids(users.search(filter, PageRequest.of(2, 2)))).containsExactly(inserted.get(4));
        assertThat(users.search(filter, PageRequest.of(3, 2))).isEmpty();
        assertThat(users.count(filter)).isEqualTo(5);
    }

    @Test
    void findOrCreateGuestReturnsTheKnownUserWithoutTouchingIt() {
        DeskUser known = users.insert(email("known"), "Known", UserKind.TECHNICIAN, false);

        DeskUser found = users.findOrCreateGuest(email("KNOWN"), "Other name");

        assertThat(found).isEqualTo(known);
    }

    @Test
    void findOrCreateGuestCreatesAGuestRequester() {
        DeskUser guest = users.findOrCreateGuest(email("new"), "New Person");

        assertThat(guest.guest()).isTrue();
        assertThat(guest.kind()).isEqualTo(UserKind.REQUESTER);
        assertThat(guest.name()).isEqualTo("New Person");
        assertThat(users.findById(guest.id())).contains(guest);
    }

    @Test
    void racingGuestCreationsMakeExactlyOneRow() throws Exception {
        String address = email("race");

        List<DeskUser> results = race(8, i -> users.findOrCreateGuest(i % 2 == 0 ? address : address.toUpperCase(), "Racer " + i));

        assertThat(results).extracting(DeskUser::id).containsOnly(results.get(0).id());
        assertThat(rowsWithKey(address)).isEqualTo(1);
    }

    /** Intake calls findOrCreateGuest inside its own transaction, which must stay usable after losing the race. */
    @Test
    void losingTheGuestRaceKeepsTheCallersTransactionUsable() throws Exception {
        String address = email("race.tx");

        List<DeskUser> results = race(8, i -> transactions.execute(status -> {
            DeskUser user = users.findOrCreateGuest(address, "Racer " + i);
            // a statement after the lost race fails on PostgreSQL if the transaction was aborted
            assertThat(users.findById(user.id())).isPresent();
            return user;
        }));

        assertThat(results).extracting(DeskUser::id).containsOnly(results.get(0).id());
        assertThat(rowsWithKey(address)).isEqualTo(1);
    }

    interface Racer {
        DeskUser run(int index) throws Exception;
    }

    private static List<DeskUser> race(int threads, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<DeskUser>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return racer.run(index);
                }));
            }
            List<DeskUser> results = new ArrayList<>();
            for (Future<DeskUser> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long rowsWithKey(String address) {
        return jdbc.sql("select count(*) from desk_user where email_key = :key")
                .param("key", UserRepository.emailKey(address))
                .query(Long.class)
                .single();
    }

    private static List<Long> ids(List<DeskUser> list) {
        return list.stream().map(DeskUser::id).toList();
    }
}
