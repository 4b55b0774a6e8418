package dev.mailroom.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail's plain IMAP on 127.0.0.1 with a dynamic port: enough for a desk mailbox mail is delivered into directly. */
public final class ImapGreenMail {

    private ImapGreenMail() {
    }

    public static GreenMailExtension onLoopback() {
        return new GreenMailExtension(ServerSetupTest.IMAP.createCopy("127.0.0.1").dynamicPort());
    }
}
