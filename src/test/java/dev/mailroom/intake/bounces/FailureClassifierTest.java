package dev.mailroom.intake.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Status code, reply code and text, read together: the answers real servers give (the texts are theirs, from the
 * corpus and from the servers' documentation), each with the cause it must get and whether it marks the address.
 */
class FailureClassifierTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            failed  | 5.1.1 | 550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown in local recipient table | MAILBOX_UNKNOWN
            failed  | 5.1.1 | 550-5.1.1 The email account that you tried to reach does not exist.                              | MAILBOX_UNKNOWN
            failed  | 5.1.2 | 550 5.1.2 Host unknown (Name server: example.invalid: host not found)                           | DOMAIN_UNKNOWN
            failed  | 5.1.10| 556 5.1.10 Recipient address has null MX                                                        | DOMAIN_UNKNOWN
            failed  | 5.1.6 | 550 5.1.6 Recipient addresses in this domain no longer accept mail (user has moved)            | MAILBOX_GONE
            failed  | 5.2.1 | 550 5.2.1 The email account that you tried to reach is disabled.                               | MAILBOX_GONE
            failed  | 5.0.0 | 550 5.0.0 <x@example.jp>... User unknown                                                       | MAILBOX_UNKNOWN
            failed  | 5.5.0 | 550 5.5.0 Requested action not taken: mailbox unavailable (no such user)                       | MAILBOX_UNKNOWN
            failed  | 5.7.1 | 550 5.7.1 <x@example.fr>: Recipient address rejected: User unknown                             | MAILBOX_UNKNOWN
            failed  | 5.7.1 | 554 5.7.1 <x@example.com>: Relay access denied                                                 | OUR_SERVER_REFUSED
            failed  | 5.7.1 | 550 5.7.1 Message rejected as spam by Content Filtering.                                       | SPAM_OR_POLICY
            failed  | 5.7.1 | 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org           | SPAM_OR_POLICY
            failed  | 5.7.26| 550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy | OUR_SERVER_REFUSED
            failed  | 5.2.2 | 552 5.2.2 <x@example.com>... Mailbox Full                                                      | MAILBOX_FULL
            failed  | 5.1.1 | 550 5.1.1 <x@example.com>... Mailbox is full / quota exceeded                                  | MAILBOX_FULL
            failed  | 5.2.1 | 550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages | RATE_LIMITED
            failed  | 5.2.3 | 552 5.2.3 Message size exceeds fixed maximum message size                                      | MESSAGE_TOO_LARGE
            failed  | 5.3.4 | 552 5.3.4 Message too big for system                                                           | MESSAGE_TOO_LARGE
            failed  | 5.6.0 | 550 5.6.0 Message contains invalid header                                                      | CONTENT_REFUSED
            failed  | 5.7.0 | 554 5.7.0 Reject, id=12345 - INFECTED: Eicar-Test-Signature                                     | CONTENT_REFUSED
            failed  | 4.2.2 | 452 4.2.2 Mailbox full                                                                         | MAILBOX_FULL
            failed  | 4.4.7 | Delivery time expired                                                                          | TEMPORARY
            failed  | 4.1.1 | 450 4.1.1 <x@example.org>: Recipient address rejected: User unknown in virtual alias table     | TEMPORARY
            delayed | 5.1.1 | 550 5.1.1 user unknown                                                                        | TEMPORARY
            failed  |       | 550 Unknown user x@example.jp                                                                  | MAILBOX_UNKNOWN
            failed  |       | 552 Quota violation for x@example.com                                                          | MAILBOX_FULL
            failed  |       | 550 Rate limit exceeded, try again later                                                       | RATE_LIMITED
            failed  |       | 550 Message rejected: blacklisted sender IP                                                    | SPAM_OR_POLICY
            failed  | 5.0.0 | 550 User unknown or mailbox full                                                               | MAILBOX_FULL
            failed  | 5.0.0 |                                                                                                | UNCLEAR
            failed  | 5.4.1 | 550 5.4.1 Recipient address rejected: Access denied                                            | OUR_SERVER_REFUSED
            """)
    void causeFromStatusAndText(String action, String status, String diagnostic, FailureCause expected) {
        FailedRecipient failure = FailedRecipient.of("x@example.com", action, status, diagnostic, "test");
        FailureClassifier.Verdict verdict = FailureClassifier.classify(failure);
        assertThat(verdict.cause()).as(verdict.why()).isEqualTo(expected);
        assertThat(verdict.addressFailure()).isEqualTo(expected.addressFailure());
        assertThat(verdict.why()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.1 user unknown        | 5.1.1 | 550
            smtp; 552-5.2.2 over quota    | 5.2.2 | 552
            Remote host said: 554 blocked | -     | 554
            (#5.4.4)                      | 5.4.4 | -
            """)
    void statusAndReplyCodeAreFoundInTheAnswer(String answer, String status, String code) {
        FailedRecipient failure = FailedRecipient.of("x@example.com", null, null, answer, "test");
        assertThat(failure.status()).isEqualTo(status.equals("-") ? null : status);
        assertThat(failure.smtpCode()).isEqualTo(code.equals("-") ? null : Integer.valueOf(code));
    }
}
