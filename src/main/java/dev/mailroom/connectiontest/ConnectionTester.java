package dev.mailroom.connectiontest;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.mailroom.graph.GraphFolders;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSessionFactory;
import dev.mailroom.transport.ServerTrust;

/**
 * Test Connection of a mailbox: DNS lookup, TCP connect, the security step (plain greeting, TLS handshake or
 * STARTTLS), login and open folder, run by {@link StepRunner}. The first three steps use plain sockets so each failure
 * is told apart; login and folder go through {@link MailSessionFactory} like the fetcher. A Microsoft Graph mailbox has
 * no socket of its own to test: its access token, then its folder through Graph.
 */
@Component
public class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);

    private final Step<Probe> dnsLookup = new DnsLookupStep();
    private final Step<Probe> tcpConnect = new TcpConnectStep();
    private final Step<MailboxProbe> greeting = new GreetingStep();
    private final Step<MailboxProbe> tlsHandshake;
    private final Step<MailboxProbe> startTls;
    private final Step<MailboxProbe> login;
    private final Step<MailboxProbe> openFolder = new OpenFolderStep();
    private final Step<MailboxProbe> oauthToken = new OAuthTokenStep<>(probe -> probe.connection.tokenSignIn());

    private final Step<MailboxProbe> graphFolder;

    /** A tester of IMAP and POP3 mailboxes only, for tests of the socket steps. */
    public ConnectionTester(ServerTrust trust, MailSessionFactory sessions) {
        this(trust, sessions, null);
    }

    @Autowired
    public ConnectionTester(ServerTrust trust, MailSessionFactory sessions, GraphFolders graphFolders) {
        this.graphFolder = graphFolders == null ? null : new GraphFolderStep(graphFolders);
        this.tlsHandshake = new TlsHandshakeStep(trust);
        this.startTls = new StartTlsStep(trust);
        this.login = new LoginStep(sessions);
    }

    public ConnectionTestResult test(MailConnection connection) {
        StepRunner.Run run;
        try (MailboxProbe probe = new MailboxProbe(connection)) {
            run = StepRunner.run(plan(connection), probe, connection.password());
        }
        if (run.failed() == null) {
            log.info("Test Connection to {} as {} passed", connection.address(), connection.username());
        } else {
            log.info("Test Connection to {} as {} failed at {}: {}", connection.address(), connection.username(),
                    run.failed().name(), run.failed().detail());
        }
        return run.result("All steps passed: Mailroom can read this mailbox");
    }

    private List<Step<? super MailboxProbe>> plan(MailConnection connection) {
        if (connection.protocol() == MailProtocol.GRAPH) {
            if (graphFolder == null) {
                throw new IllegalStateException("this tester was made without Microsoft Graph");
            }
            return List.of(oauthToken, graphFolder);
        }
        Step<MailboxProbe> security = switch (connection.security()) {
            case NONE -> greeting;
            case SSL_TLS -> tlsHandshake;
            case STARTTLS -> startTls;
        };
        return connection.signsInWithToken() ? List.of(oauthToken, dnsLookup, tcpConnect, security, login, openFolder)
                : List.of(dnsLookup, tcpConnect, security, login, openFolder);
    }
}
