package dev.mailroom.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** Admins' overrides of the shipped templates, one row per kind. */
@Repository
class NotificationTemplateRepository {

    private final JdbcClient jdbc;

    NotificationTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NotificationTemplate> find(NotificationKind kind) {
        return jdbc.sql("select * from notification_template where kind = :kind").param("kind", kind.name())
                .query(NotificationTemplateRepository::map).optional();
    }

    void save(NotificationTemplate template, Instant now, String updatedBy) {
        int updated = jdbc.sql("""
                update notification_template set enabled = :enabled, subject = :subject, body_text = :text,
                    body_html = :html, updated_at = :now, updated_by = :by
                where kind = :kind""")
                .params(params(template, now, updatedBy)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notification_template (kind, enabled, subject, body_text, body_html, updated_at, updated_by)
                    values (:kind, :enabled, :subject, :text, :html, :now, :by)""")
                    .params(params(template, now, updatedBy)).update();
        }
    }

    void delete(NotificationKind kind) {
        jdbc.sql("delete from notification_template where kind = :kind").param("kind", kind.name()).update();
    }

    private static Map<String, Object> params(NotificationTemplate template, Instant now, String updatedBy) {
        var params = new HashMap<String, Object>();
        params.put("kind", template.kind().name());
        params.put("enabled", template.enabled());
        params.put("subject", template.subject());
        params.put("text", template.bodyText());
        params.put("html", template.bodyHtml());
        params.put("now", SqlTime.toSql(now));
        params.put("by", updatedBy);
        return params;
    }

    private static NotificationTemplate map(ResultSet rs, int row) throws SQLException {
        return new NotificationTemplate(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), true,
                SqlTime.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
