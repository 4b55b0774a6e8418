package dev.mailroom.addresses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.incoming.IncomingServerSettings;

class AddressFilterTest {

    @Test
    void ignoreListMatchesAddressesAndDomainsWithSubdomains() {
        AddressFilter filter = new AddressFilter(FilterType.IGNORE, List.of("Noreply@Example.org", "spam.example"));

        assertThat(filter.ignores("noreply@example.org")).isTrue();
        assertThat(filter.ignores("someone@example.org")).isFalse();
        assertThat(filter.ignores("bulk@SPAM.example")).isTrue();
        assertThat(filter.ignores("bulk@mail.spam.example")).isTrue();
        assertThat(filter.ignores("bulk@notspam.example")).isFalse();
    }

    @Test
    void allowListIgnoresEveryoneNotListed() {
        AddressFilter filter = new AddressFilter(FilterType.ALLOW, List.of("example.com"));

        assertThat(filter.ignores("staff@example.com")).isFalse();
        assertThat(filter.ignores("stranger@example.net")).isTrue();
        assertThat(filter.ignores(null)).isTrue();
    }

    @Test
    void emptyIgnoreListIgnoresNobody() {
        assertThat(new AddressFilter(FilterType.IGNORE, List.of()).ignores("anyone@example.com")).isFalse();
    }

    @Test
    void serverServesItsMailboxAddressesIgnoringCase() {
        IncomingServerSettings settings = new IncomingServerSettings("Desk", List.of("Help@Example.com"),
                dev.mailroom.transport.MailProtocol.IMAP, "imap.example.com", 993,
                dev.mailroom.transport.MailSecurity.SSL_TLS, "help", "INBOX", 60, true, AfterProcessing.MARK_SEEN,
                null, 1024, List.of(), false, false, FilterType.IGNORE, List.of(), null, null, false, 10, 30, null);

        assertThat(settings.serves("help@example.COM")).isTrue();
        assertThat(settings.serves("other@example.com")).isFalse();
    }
}
