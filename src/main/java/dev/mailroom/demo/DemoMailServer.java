package dev.mailroom.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's mail server: GreenMail on loopback with the desk mailbox, preloaded with the sample emails under
 * {@code classpath:demo/} (a request, a reply to it, an out-of-office, a sender on the Ignore list, an attachment).
 * Mail sent to it over SMTP while the demo runs arrives in the mailbox too.
 *
 * <p>It starts as soon as it is created, and the scheduler that runs the mailbox polls waits for it
 * ({@link DemoStartOrder}): a demo started again polls its mailbox at once, and the mailbox must be there by then.
 */
@Component(DemoMailServer.BEAN_NAME)
@Profile("demo")
class DemoMailServer implements InitializingBean, DisposableBean {

    static final String BEAN_NAME = "demoMailServer";

    static final String DESK = "helpdesk@demo.mailroom.local";
    static final String PASSWORD = "demo-mailbox-password";
    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final DemoProperties properties;
    private GreenMail greenMail;

    DemoMailServer(DemoProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        greenMail.start();
        GreenMailUser desk = greenMail.setUser(DESK, DESK, PASSWORD);
        int loaded = preload(desk);
        log.info("Demo mail server: IMAP 127.0.0.1:{}, SMTP 127.0.0.1:{}, mailbox {} with {} sample emails",
                properties.imapPort(), properties.smtpPort(), DESK, loaded);
    }

    private static int preload(GreenMailUser desk) {
        try {
            Resource[] samples = new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.eml");
            Arrays.sort(samples, Comparator.comparing(Resource::getFilename));
            Session session = Session.getInstance(new Properties());
            for (Resource sample : samples) {
                try (InputStream in = sample.getInputStream()) {
                    desk.deliver(new MimeMessage(session, in));
                }
            }
            return samples.length;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot load the demo's sample emails", e);
        }
    }

    int imapPort() {
        return properties.imapPort();
    }

    int smtpPort() {
        return properties.smtpPort();
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }
}
