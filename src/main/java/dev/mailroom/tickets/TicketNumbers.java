package dev.mailroom.tickets;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers per prefix from {@code ticket_counter}. Each number is taken by incrementing the prefix's
 * row in a short transaction of its own (REQUIRES_NEW): the row lock serialises concurrent callers on H2 and
 * PostgreSQL alike and is released at once, not held for the whole ticket creation. A ticket that is rolled back
 * afterwards leaves a gap, which is accepted.
 * <p>
 * The first number of a new prefix inserts the row. Two callers may race to insert it; the loser gets a duplicate
 * key, in its own (now finished) transaction, and simply tries the increment again.
 * <p>
 * Called inside a caller's transaction, this suspends it and uses a second pooled connection.
 */
@Component
public class TicketNumbers {

    private static final Logger log = LoggerFactory.getLogger(TicketNumbers.class);
    private static final int ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    TicketNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long next(String prefix) {
        for (int attempt = 1;; attempt++) {
            try {
                Optional<Long> taken = ownTransaction.execute(status -> increment(prefix));
                if (taken.isPresent()) {
                    return taken.get();
                }
                ownTransaction.executeWithoutResult(status -> insertFirst(prefix));
                return 1;
            } catch (DuplicateKeyException | TransientDataAccessException contended) {
                // Lost the race for a new prefix's row, or a lock wait gave up: nothing was taken, try again.
                if (attempt == ATTEMPTS) {
                    throw contended;
                }
                log.debug("Ticket counter {} contended on attempt {}: {}", prefix, attempt, contended.getClass().getSimpleName());
            }
        }
    }

    private Optional<Long> increment(String prefix) {
        int updated = jdbc.sql("update ticket_counter set last_number = last_number + 1 where prefix = :prefix")
                .param("prefix", prefix)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        // Still holding the row lock from the update, so this reads our own increment.
        return Optional.of(jdbc.sql("select last_number from ticket_counter where prefix = :prefix")
                .param("prefix", prefix)
                .query(Long.class)
                .single());
    }

    private void insertFirst(String prefix) {
        jdbc.sql("insert into ticket_counter (prefix, last_number) values (:prefix, 1)").param("prefix", prefix).update();
    }
}
