package dev.mailroom.transport;

import static dev.mailroom.transport.MailProtocol.IMAP;
import static dev.mailroom.transport.MailProtocol.POP3;
import static dev.mailroom.transport.MailSecurity.NONE;
import static dev.mailroom.transport.MailSecurity.SSL_TLS;
import static dev.mailroom.transport.MailSecurity.STARTTLS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WellKnownPortsTest {

    @Test
    void usualCombinationsAreFine() {
        assertThat(WellKnownPorts.mismatch(IMAP, 143, STARTTLS)).isEmpty();
        assertThat(WellKnownPorts.mismatch(IMAP, 143, NONE)).isEmpty();
        assertThat(WellKnownPorts.mismatch(IMAP, 993, SSL_TLS)).isEmpty();
        assertThat(WellKnownPorts.mismatch(POP3, 110, STARTTLS)).isEmpty();
        assertThat(WellKnownPorts.mismatch(POP3, 995, SSL_TLS)).isEmpty();
    }

    @Test
    void unknownPortsAreNotJudged() {
        assertThat(WellKnownPorts.mismatch(IMAP, 10143, SSL_TLS)).isEmpty();
        assertThat(WellKnownPorts.mismatch(POP3, 1995, NONE)).isEmpty();
    }

    @Test
    void impossibleCombinationsNameTheRightOne() {
        assertThat(WellKnownPorts.mismatch(POP3, 995, STARTTLS))
                .contains("port 995 is POP3 over SSL/TLS; choose SSL/TLS, or port 110 with STARTTLS");
        assertThat(WellKnownPorts.mismatch(IMAP, 993, NONE))
                .contains("port 993 is IMAP over SSL/TLS; choose SSL/TLS, or port 143 with STARTTLS");
        assertThat(WellKnownPorts.mismatch(IMAP, 143, SSL_TLS))
                .contains("port 143 is IMAP with STARTTLS (or no security); choose STARTTLS, or port 993 with SSL/TLS");
        assertThat(WellKnownPorts.mismatch(IMAP, 995, SSL_TLS))
                .contains("port 995 is POP3 over SSL/TLS, not IMAP; IMAP uses port 143 with STARTTLS and port 993 with SSL/TLS");
    }

    @Test
    void defaultPortsFollowTheSecurityType() {
        assertThat(WellKnownPorts.defaultPort(IMAP, SSL_TLS)).isEqualTo(993);
        assertThat(WellKnownPorts.defaultPort(IMAP, STARTTLS)).isEqualTo(143);
        assertThat(WellKnownPorts.defaultPort(POP3, SSL_TLS)).isEqualTo(995);
        assertThat(WellKnownPorts.defaultPort(POP3, NONE)).isEqualTo(110);
    }
}
