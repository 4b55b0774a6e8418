package dev.mailroom.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The templates shipped with Mailroom, read once from {@code notifications/<kind>/{subject,text,html}.mustache}. */
@Component
class DefaultTemplates {

    private final Map<NotificationKind, NotificationTemplate> defaults = new EnumMap<>(NotificationKind.class);

    DefaultTemplates() {
        for (NotificationKind kind : NotificationKind.values()) {
            defaults.put(kind, NotificationTemplate.shipped(kind, read(kind, "subject").strip(), read(kind, "text"),
                    read(kind, "html")));
        }
    }

    NotificationTemplate of(NotificationKind kind) {
        return defaults.get(kind);
    }

    private static String read(NotificationKind kind, String part) {
        var resource = new ClassPathResource("notifications/" + kind.resourceName() + "/" + part + ".mustache");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the default notification template " + resource.getPath() + " is missing", e);
        }
    }
}
