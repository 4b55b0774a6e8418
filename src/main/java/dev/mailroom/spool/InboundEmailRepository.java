package dev.mailroom.spool;

import static dev.mailroom.platform.Texts.clip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobOwner;
import dev.mailroom.web.PageRequest;

@Repository
public class InboundEmailRepository implements BlobOwner {

    private static final int IN_LIST_CHUNK = 500;

    private final JdbcClient jdbc;

    InboundEmailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewInboundEmail email, Instant receivedAt) {
        var keys = new GeneratedKeyHolder();
        HeaderSummary headers = email.headers();
        jdbc.sql("""
                insert into inbound_email (server_id, remote_key, state, action_pending, message_id, message_id_generated,
                    sender, sender_key, recipients, subject, size_bytes, raw_blob_key, problem, received_at)
                values (:serverId, :remoteKey, :state, :actionPending, :messageId, :generated, :sender, :senderKey, :recipients,
                    :subject, :size, :rawBlobKey, :problem, :receivedAt)""")
                .param("serverId", email.serverId())
                .param("remoteKey", email.remoteKey())
                .param("state", email.state().name())
                .param("actionPending", email.actionPending())
                .param("messageId", clip(headers.messageId(), 998))
                .param("generated", headers.messageIdGenerated())
                .param("sender", clip(headers.from(), 320))
                .param("senderKey", senderKey(clip(headers.from(), 320)))
                .param("recipients", clip(headers.recipients(), 4000))
                .param("subject", clip(headers.subject(), 1000))
                .param("size", email.size())
                .param("rawBlobKey", email.rawBlobKey())
                .param("problem", clip(email.problem(), 2000))
                .param("receivedAt", SqlTime.toSql(receivedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Which of these remote keys are already stored for the mailbox. */
    public Set<String> knownRemoteKeys(long serverId, Collection<String> remoteKeys) {
        Set<String> known = new HashSet<>();
        List<String> all = List.copyOf(remoteKeys);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            known.addAll(jdbc.sql("select remote_key from inbound_email where server_id = :serverId and remote_key in (:keys)")
                    .param("serverId", serverId)
                    .param("keys", all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK)))
                    .query(String.class).list());
        }
        return known;
    }

    public List<String> pendingActions(long serverId) {
        return jdbc.sql("select remote_key from inbound_email where server_id = :serverId and action_pending = true order by id")
                .param("serverId", serverId).query(String.class).list();
    }

    public void actionsDone(long serverId, Collection<String> remoteKeys) {
        List<String> all = List.copyOf(remoteKeys);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            jdbc.sql("update inbound_email set action_pending = false where server_id = :serverId and remote_key in (:keys)")
                    .param("serverId", serverId)
                    .param("keys", all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK)))
                    .update();
        }
    }

    public int countReceivedSince(long serverId, LocalDate day) {
        return jdbc.sql("select count(*) from inbound_email where server_id = :serverId and received_at >= :since")
                .param("serverId", serverId)
                .param("since", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query(Integer.class).single();
    }

    /** Emails waiting for the intake, oldest first. */
    public List<InboundEmail> nextReceived(int limit) {
        return jdbc.sql("select * from inbound_email where state = 'RECEIVED' order by id fetch first " + limit + " rows only")
                .query(InboundEmailRepository::map).list();
    }

    /** A page of the emails in one state, newest first ({@code ix_inbound_email_state}). */
    public List<InboundEmail> inState(InboundState state, PageRequest page) {
        return jdbc.sql("select * from inbound_email where state = :state order by id desc offset " + page.offset()
                        + " rows fetch next " + page.size() + " rows only")
                .param("state", state.name()).query(InboundEmailRepository::map).list();
    }

    public long countInState(InboundState state) {
        return jdbc.sql("select count(*) from inbound_email where state = :state").param("state", state.name())
                .query(Long.class).single();
    }

    public Optional<InboundEmail> findById(long id) {
        return jdbc.sql("select * from inbound_email where id = :id").param("id", id)
                .query(InboundEmailRepository::map).optional();
    }

    /**
     * Earlier emails with this Message-ID that became a ticket or a reply (any mailbox), oldest first. A copy that was
     * refused does not count: the same email in another desk's mailbox is judged on its own.
     */
    public List<InboundEmail> processedWithMessageId(String messageId, long exceptId) {
        return jdbc.sql("""
                select * from inbound_email where message_id = :messageId and id <> :id
                    and state = 'PROCESSED' order by id""")
                .param("messageId", messageId).param("id", exceptId)
                .query(InboundEmailRepository::map).list();
    }

    /**
     * Locks the email for the rest of the transaction if it is still in {@code state}; false if it is not (another
     * node judged it meanwhile). Two intakes of one email (a node wrongly taken for dead, and the node that took its
     * work over) thus run one after the other, and the second finds the email decided.
     */
    public boolean lockIn(long id, InboundState state) {
        return !jdbc.sql("select id from inbound_email where id = :id and state = :state for update")
                .param("id", id).param("state", state.name()).query(Long.class).list().isEmpty();
    }

    /** Records where the intake left the email; only an email still in {@code from} changes, so a race cannot undo it. */
    public boolean moveState(long id, InboundState from, InboundState to) {
        return jdbc.sql("update inbound_email set state = :to where id = :id and state = :from")
                .param("to", to.name()).param("id", id).param("from", from.name())
                .update() == 1;
    }

    @Override
    public boolean references(String key) {
        return jdbc.sql("select count(*) from inbound_email where raw_blob_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    private static InboundEmail map(ResultSet rs, int row) throws SQLException {
        return new InboundEmail(rs.getLong("id"), rs.getLong("server_id"), InboundState.valueOf(rs.getString("state")),
                rs.getString("message_id"), rs.getBoolean("message_id_generated"), rs.getString("raw_blob_key"),
                rs.getString("sender"), rs.getString("recipients"), rs.getString("subject"),
                SqlTime.instant(rs, "received_at"));
    }

    /** How the loop breaker looks a sender up: trimmed, lower case (see V12). */
    public static String senderKey(String sender) {
        return sender == null ? null : sender.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
