package dev.mailroom.outgoing.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** No-reply patterns match the local part as a whole or as a separated part, ignoring case. */
class NoReplyPatternsTest {

    private final NoReplyPatterns defaults = new NoReplyPatterns(new RecipientProperties(null));

    @Test
    void theDefaultsCatchTheUsualMachineAddresses() {
        assertThat(defaults.match("noreply@vendor.test")).contains("noreply");
        assertThat(defaults.match("No-Reply@Vendor.test")).contains("no-reply");
        assertThat(defaults.match("DoNotReply@bank.test")).contains("donotreply");
        assertThat(defaults.match("do-not-reply@bank.test")).contains("do-not-reply");
        assertThat(defaults.match("MAILER-DAEMON@mx.test")).contains("mailer-daemon");
        assertThat(defaults.match("postmaster@mx.test")).contains("postmaster");
        assertThat(defaults.match("bounces+1234-abc@lists.test")).contains("bounces");
        assertThat(defaults.match("billing.noreply@vendor.test")).contains("noreply");
        assertThat(defaults.match("auto-reply@vendor.test")).contains("auto-reply");
    }

    @Test
    void peopleAreNotCaught() {
        assertThat(defaults.match("ann@customer.test")).isEmpty();
        assertThat(defaults.match("bouncer@club.test")).isEmpty();
        assertThat(defaults.match("jon.postmasterson@club.test")).isEmpty();
        assertThat(defaults.match("reply@noreply.test")).as("only the local part counts").isEmpty();
    }

    @Test
    void configuredPatternsReplaceTheDefaults() {
        NoReplyPatterns custom = new NoReplyPatterns(new RecipientProperties(List.of("alerts", " ")));

        assertThat(custom.match("Alerts@monitoring.test")).contains("alerts");
        assertThat(custom.match("noreply@vendor.test")).isEmpty();
    }
}
