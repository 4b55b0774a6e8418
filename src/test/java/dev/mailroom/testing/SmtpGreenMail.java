package dev.mailroom.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail's SMTP and SMTPS on 127.0.0.1 with dynamic ports and one user who may sign in, for outgoing tests. */
public final class SmtpGreenMail {

    private SmtpGreenMail() {
    }

    public static GreenMailExtension withUser(String user, String password) {
        ServerSetup[] setups = ServerSetup.createCopy(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS},
                setup -> {
                    ServerSetup loopback = setup.createCopy("127.0.0.1").dynamicPort();
                    // SMTPS makes its certificate at start, which takes longer than GreenMail's 2 s on a busy machine
                    loopback.setServerStartupTimeout(15_000);
                    return loopback;
                });
        return new GreenMailExtension(setups)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(user, user, password))
                .withPerMethodLifecycle(false);
    }
}
