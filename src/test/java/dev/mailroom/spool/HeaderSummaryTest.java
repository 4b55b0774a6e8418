package dev.mailroom.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HeaderSummaryTest {

    private static final String KEY = "a".repeat(64);

    @Test
    void readsTheAuditFieldsUnfoldedAndDecoded() throws IOException {
        HeaderSummary headers = read("""
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.com>
                To: Desk <helpdesk@example.com>,
                 other@example.com
                Cc: boss@example.com
                Subject: =?UTF-8?B?RHJ1Y2tlciBkZWZla3Q=?=
                 =?UTF-8?Q?_im_3._Stock?=
                Message-ID:
                  <abc@example.com>

                Body: not a header
                """);

        assertThat(headers.messageId()).isEqualTo("<abc@example.com>");
        assertThat(headers.messageIdGenerated()).isFalse();
        assertThat(headers.from()).isEqualTo("juergen@example.com");
        assertThat(headers.recipients()).isEqualTo("helpdesk@example.com, other@example.com, boss@example.com");
        assertThat(headers.subject()).isEqualTo("Drucker defekt im 3. Stock");
    }

    @Test
    void anEmailWithoutMessageIdGetsOneFromItsContent() throws IOException {
        HeaderSummary headers = read("From: a@example.com\nSubject: hi\n\nbody\n");

        assertThat(headers.messageId()).isEqualTo("<" + KEY + "@" + HeaderSummary.GENERATED_DOMAIN + ">");
        assertThat(headers.messageIdGenerated()).isTrue();
    }

    @Test
    void longLinesAndBrokenAddressesDoNotStopTheReading() throws IOException {
        String references = "References: " + "<x@example.com> ".repeat(500);
        HeaderSummary headers = read(references + "\nFrom: not an address <<\nSubject: still read\n\nbody\n");

        assertThat(headers.subject()).isEqualTo("still read");
        assertThat(headers.from()).isEqualTo("not an address <<");
    }

    @Test
    void aMessageThatIsAllHeaderIsReadToItsEnd() throws IOException {
        HeaderSummary headers = read("Message-ID: <only@example.com>\nSubject: no body");

        assertThat(headers.messageId()).isEqualTo("<only@example.com>");
        assertThat(headers.subject()).isEqualTo("no body");
    }

    private static HeaderSummary read(String message) throws IOException {
        byte[] bytes = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return HeaderSummary.read(new ByteArrayInputStream(bytes), KEY);
    }
}
