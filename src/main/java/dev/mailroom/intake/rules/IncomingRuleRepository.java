package dev.mailroom.intake.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Incoming Email Rules in their order; conditions and actions are stored as JSON text with the rule. */
@Repository
public class IncomingRuleRepository {

    private static final TypeReference<List<RuleCondition>> CONDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleAction>> ACTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IncomingRuleRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<IncomingRule> findAll() {
        return jdbc.sql("select * from incoming_rule order by sort_order, id").query(this::map).list();
    }

    /** The enabled rules that apply to mail of this server (its own and the ones for every server), in order. */
    public List<IncomingRule> findEnabledFor(long serverId) {
        return jdbc.sql("""
                select * from incoming_rule
                where enabled = true and (incoming_server_id is null or incoming_server_id = :serverId)
                order by sort_order, id""")
                .param("serverId", serverId)
                .query(this::map).list();
    }

    public Optional<IncomingRule> findById(long id) {
        return jdbc.sql("select * from incoming_rule where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<IncomingRule> findByName(String name) {
        return jdbc.sql("select * from incoming_rule where name_key = :key").param("key", key(name)).query(this::map)
                .optional();
    }

    /** A new rule goes after all others. */
    public long insert(NewRule rule) {
        Instant now = SqlTime.now();
        int position = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from incoming_rule").query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incoming_rule (name, name_key, enabled, sort_order, incoming_server_id, match_mode,
                    conditions_json, actions_json, created_at, updated_at)
                values (:name, :nameKey, :enabled, :position, :serverId, :matchMode, :conditions, :actions, :now, :now)""")
                .params(columns(rule, now))
                .param("position", position)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Changes everything but the position. */
    public void update(long id, NewRule rule) {
        jdbc.sql("""
                update incoming_rule set name = :name, name_key = :nameKey, enabled = :enabled,
                    incoming_server_id = :serverId, match_mode = :matchMode, conditions_json = :conditions,
                    actions_json = :actions, updated_at = :now
                where id = :id""")
                .params(columns(rule, SqlTime.now()))
                .param("id", id)
                .update();
    }

    public void move(long id, int position) {
        jdbc.sql("update incoming_rule set sort_order = :position where id = :id")
                .param("position", position).param("id", id).update();
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from incoming_rule where id = :id").param("id", id).update() > 0;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private Map<String, Object> columns(NewRule rule, Instant now) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("name", rule.name().strip());
        columns.put("nameKey", key(rule.name()));
        columns.put("enabled", rule.enabled());
        columns.put("serverId", rule.incomingServerId());
        columns.put("matchMode", rule.matchMode().name());
        columns.put("conditions", json.writeValueAsString(rule.conditions()));
        columns.put("actions", json.writeValueAsString(rule.actions()));
        columns.put("now", SqlTime.toSql(now));
        return columns;
    }

    private IncomingRule map(ResultSet rs, int row) throws SQLException {
        return new IncomingRule(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("sort_order"),
                rs.getObject("incoming_server_id", Long.class), MatchMode.valueOf(rs.getString("match_mode")),
                json.readValue(rs.getString("conditions_json"), CONDITIONS),
                json.readValue(rs.getString("actions_json"), ACTIONS),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"));
    }

    /** What is written for a rule on create and update. */
    public record NewRule(String name, boolean enabled, Long incomingServerId, MatchMode matchMode,
            List<RuleCondition> conditions, List<RuleAction> actions) {
    }
}
