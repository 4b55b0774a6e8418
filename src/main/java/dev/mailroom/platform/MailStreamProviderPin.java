package dev.mailroom.platform;

import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Names Jakarta Mail's stream provider (Angus Mail's) in the system property Jakarta Mail reads first. Without it,
 * every body part created and every message written looks the provider up through {@code ServiceLoader}, which scans
 * the class path's {@code META-INF/services} each time: a quarter of the outbox sender's CPU per email (JFR of the
 * outgoing benchmark). A provider named on the command line is left as it is.
 */
public class MailStreamProviderPin implements ApplicationListener<ApplicationStartingEvent> {

    static final String PROPERTY = StreamProvider.class.getName();

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        pin();
    }

    static void pin() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, MailStreamProvider.class.getName());
        }
    }
}
