package dev.mailroom.notifications;

import java.time.Instant;

/**
 * A template as the API shows it. After a save, {@code subjectReferenceAdded} tells whether the subject lacks the
 * ticket reference (then {@code notice} says that Mailroom puts it in front).
 */
record NotificationTemplateView(NotificationKind kind, boolean enabled, boolean automatic, String subject,
        String bodyText, String bodyHtml, boolean customized, Instant updatedAt, String updatedBy,
        Boolean subjectReferenceAdded, String notice) {

    static NotificationTemplateView of(NotificationTemplate template) {
        return new NotificationTemplateView(template.kind(), template.enabled(), template.kind().automatic(),
                template.subject(), template.bodyText(), template.bodyHtml(), template.customized(),
                template.updatedAt(), template.updatedBy(), null, null);
    }

    static NotificationTemplateView saved(NotificationTemplate template, RenderedNotification sample) {
        NotificationTemplateView view = of(template);
        return new NotificationTemplateView(view.kind, view.enabled, view.automatic, view.subject, view.bodyText,
                view.bodyHtml, view.customized, view.updatedAt, view.updatedBy, sample.referenceAdded(),
                sample.referenceAdded() ? referenceNotice(sample) : null);
    }

    static String referenceNotice(RenderedNotification rendered) {
        return "The subject does not contain the ticket reference; Mailroom puts it in front (\"" + rendered.subject()
                + "\") so that replies thread onto the ticket";
    }
}
