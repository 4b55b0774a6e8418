package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

class EmailParserTest {

    @TempDir
    Path blobs;

    FileSystemBlobStore store;
    EmailParser parser;

    @BeforeEach
    void setUp() throws IOException {
        store = new FileSystemBlobStore(blobs);
        parser = new EmailParser(store);
    }

    @Test
    void headersAddressesAndThreadingIds() {
        ParsedEmail email = Messages.parse(parser, """
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen.Mueller@Example.COM>
                Sender: Desk Robot <robot@example.com>
                Reply-To: "Müller, Jürgen" <reply@example.com>
                To: Service Desk <desk@example.com>, other@example.com
                Cc: =?iso-8859-1?B?U2No9m4=?= <schoen@example.com>
                Delivered-To: desk@example.com
                X-Original-To: desk@example.com
                Subject: =?UTF-8?B?UHLDvGZ1bmcg?= =?UTF-8?B?W0lOQy00Ml0=?=
                Message-ID: < abc@example.com >
                In-Reply-To: <parent@example.com> (from the web)
                References: <root@example.com>
                 <parent@example.com>
                Date: Tue, 1 Nov 2011 18:54:39 -0700 (PDT)
                X-Custom: one
                X-Custom: two

                Hello
                """);

        assertThat(email.subject()).isEqualTo("Prüfung [INC-42]");
        assertThat(email.messageId()).isEqualTo("<abc@example.com>");
        assertThat(email.inReplyTo()).isEqualTo("<parent@example.com>");
        assertThat(email.references()).containsExactly("<root@example.com>", "<parent@example.com>");
        assertThat(email.referencedIds()).containsExactly("<parent@example.com>", "<root@example.com>");
        assertThat(email.referencesItself()).isFalse();
        assertThat(email.date()).isEqualTo(OffsetDateTime.of(2011, 11, 1, 18, 54, 39, 0, ZoneOffset.ofHours(-7)));
        EmailAddress from = email.addresses().from().get(0);
        assertThat(from.address()).isEqualTo("juergen.mueller@example.com");
        assertThat(from.original()).isEqualTo("Juergen.Mueller@Example.COM");
        assertThat(from.displayName()).isEqualTo("Jürgen Müller");
        assertThat(email.addresses().sender().address()).isEqualTo("robot@example.com");
        assertThat(email.addresses().replyTo().get(0).displayName()).isEqualTo("Müller, Jürgen");
        assertThat(email.addresses().to()).extracting(EmailAddress::address)
                .containsExactly("desk@example.com", "other@example.com");
        assertThat(email.addresses().cc().get(0).displayName()).isEqualTo("Schön");
        assertThat(email.addresses().positionOf("DESK@example.com")).isEqualTo(MailboxPosition.TO);
        assertThat(email.addresses().positionOf("other@example.com")).isEqualTo(MailboxPosition.TO);
        assertThat(email.addresses().positionOf("schoen@example.com")).isEqualTo(MailboxPosition.CC);
        assertThat(email.headers().values("x-custom")).containsExactly("one", "two");
        assertThat(email.parseProblems()).isEmpty();
    }

    @Test
    void mailboxOnlyInDeliveryHeadersWasABccCopy() {
        ParsedEmail email = Messages.parse(parser, """
                From: someone@example.org
                To: friend@example.org
                Delivered-To: helpdesk@example.com
                Subject: hi

                text
                """);

        assertThat(email.addresses().positionOf("helpdesk@example.com")).isEqualTo(MailboxPosition.BCC);
        assertThat(email.addresses().positionOf("nobody@example.com")).isEqualTo(MailboxPosition.NOT_NAMED);
    }

    @Test
    void selfReferencingMessageIsALoop() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Message-ID: <same@example.com>
                In-Reply-To: <same@example.com>
                References: <same@example.com>
                Subject: loop

                x
                """);

        assertThat(email.referencesItself()).isTrue();
    }

    @Test
    void raw8BitHeadersInUtf8AndLatin1DecodeWithoutCrashing() throws IOException {
        byte[] utf8 = "From: Zoë <zoe@example.com>\r\nSubject: Grüße\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "From: Zoë <zoe@example.com>\r\nSubject: Grüße\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parser.parse(new ByteArrayInputStream(utf8)).subject()).isEqualTo("Grüße");
        ParsedEmail fromLatin1 = parser.parse(new ByteArrayInputStream(latin1));
        assertThat(fromLatin1.subject()).isEqualTo("Grüße");
        assertThat(fromLatin1.addresses().from().get(0).displayName()).isEqualTo("Zoë");
    }

    @Test
    void malformedAddressesAndDatesDegradeGracefully() {
        ParsedEmail email = Messages.parse(parser, """
                From: "broken <<bad@example.com
                To: Smith, John <john@example.com>; jane@example.com, undisclosed-recipients:;
                Cc: not an address at all
                Date: someday soon
                Subject: broken

                body
                """);

        assertThat(email.addresses().from()).extracting(EmailAddress::address).containsExactly("bad@example.com");
        assertThat(email.addresses().to()).extracting(EmailAddress::address)
                .containsExactly("john@example.com", "jane@example.com");
        assertThat(email.addresses().to().get(0).displayName()).isEqualTo("Smith, John");
        assertThat(email.addresses().cc()).isEmpty();
        assertThat(email.date()).isNull();
        assertThat(email.parseProblems()).anyMatch(p -> p.startsWith("unparseable Date"));
    }

    @Test
    void alternativePicksTextAndHtmlAndInlineImagesMapByContentId() throws IOException {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: pics
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                See the picture.
                --alt
                Content-Type: text/html; charset=utf-8

                <p>See the <img src="cid:image001.png@01D0">picture.</p>
                --alt--
                --rel
                Content-Type: image/png
                Content-ID: <image001.png@01D0>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                """);

        assertThat(email.body().text()).isEqualTo("See the picture.");
        assertThat(email.body().html()).contains("cid:image001.png@01D0");
        assertThat(email.body().sanitizedHtml()).contains("<img").doesNotContain("<script");
        assertThat(email.attachments()).hasSize(1);
        ParsedAttachment image = email.attachments().get(0);
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isEqualTo("image001.png@01D0");
        assertThat(image.fileName()).isEqualTo("attachment-1.png");
        assertThat(image.fileNameGenerated()).isTrue();
        assertThat(image.size()).isEqualTo(8);
        assertThat(email.attachmentForContentId("cid:image001.png@01D0")).contains(image);
        try (InputStream stored = store.open(image.blob().key()).orElseThrow()) {
            assertThat(stored.readAllBytes()).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void onlyHtmlGivesDerivedTextAndQuoteFreeHtml() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: html only
                Content-Type: text/html; charset=utf-8

                <div dir="ltr">Thanks, that fixed it.<script>alert(1)</script></div>
                <div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 1, 2024 at 10:00 AM Desk &lt;desk@example.com&gt; wrote:</div>
                <blockquote class="gmail_quote">Please restart the printer.</blockquote></div>
                """);

        assertThat(email.body().textOrigin()).isEqualTo(TextOrigin.FROM_HTML);
        assertThat(email.body().text()).contains("Thanks, that fixed it.").contains("Please restart the printer.");
        assertThat(email.body().newText()).isEqualTo("Thanks, that fixed it.");
        assertThat(email.body().newHtml()).contains("Thanks, that fixed it.").doesNotContain("printer")
                .doesNotContain("script");
    }

    @Test
    void mixedTextPartsAreConcatenated() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: mixed
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Before the file.
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="report.pdf"

                %PDF-1.4
                --b
                Content-Type: text/plain

                After the file.
                --b--
                """);

        assertThat(email.body().text()).isEqualTo("Before the file.\n\nAfter the file.");
        assertThat(email.attachments()).extracting(ParsedAttachment::fileName).containsExactly("report.pdf");
        assertThat(email.attachments().get(0).disposition()).isEqualTo(Disposition.ATTACHMENT);
        assertThat(email.attachments().get(0).inline()).isFalse();
    }

    @Test
    void fileNamesFromRfc2231Rfc2047AndContentTypeName() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: names
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                files
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment;
                 filename*0*=utf-8''%E2%82%AC%20Rechnung%20;
                 filename*1*=M%C3%A4rz;
                 filename*2=".pdf"

                one
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="=?ISO-8859-1?Q?=DCbersicht.xls?="

                two
                --b
                Content-Type: application/octet-stream; name="C:\\\\Users\\\\me\\\\plan.doc"

                three
                --b
                Content-Type: text/calendar; method=REQUEST; charset=utf-8

                BEGIN:VCALENDAR
                END:VCALENDAR
                --b
                Content-Type: message/rfc822

                From: Original Sender <orig@example.org>
                Subject: The original
                Message-ID: <orig@example.org>

                original body
                --b--
                """);

        assertThat(email.attachments()).extracting(ParsedAttachment::fileName).containsExactly(
                "€ Rechnung März.pdf", "Übersicht.xls", "plan.doc", "attachment-4.ics", "The original.eml");
        ParsedAttachment calendar = email.attachments().get(3);
        assertThat(calendar.calendar()).isTrue();
        ParsedAttachment eml = email.attachments().get(4);
        assertThat(eml.kind()).isEqualTo(AttachmentKind.EMAIL);
        assertThat(eml.embeddedMessage().subject()).isEqualTo("The original");
        assertThat(eml.embeddedMessage().from().address()).isEqualTo("orig@example.org");
        assertThat(eml.embeddedMessage().messageId()).isEqualTo("<orig@example.org>");
        assertThat(email.body().text()).isEqualTo("files");
    }

    @Test
    void charsetsDecodeWithFallbacks() throws IOException {
        byte[] cp1252 = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
                + "\u201cquoted\u201d \u20ac5").getBytes("windows-1252");
        assertThat(parser.parse(new ByteArrayInputStream(cp1252)).body().text()).isEqualTo("\u201cquoted\u201d \u20ac5");

        byte[] unknown = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=\"unknown-8bit\"\r\n\r\n"
                + "Grüße").getBytes(StandardCharsets.UTF_8);
        ParsedEmail email = parser.parse(new ByteArrayInputStream(unknown));
        assertThat(email.body().text()).isEqualTo("Grüße");
        assertThat(email.parseProblems()).contains("unknown charset unknown-8bit, decoded as UTF-8");

        byte[] missing = ("From: a@example.com\r\nSubject: x\r\n\r\nGr\u00fc\u00dfe").getBytes(StandardCharsets.ISO_8859_1);
        ParsedEmail latin = parser.parse(new ByteArrayInputStream(missing));
        assertThat(latin.body().text()).isEqualTo("Grüße");
        assertThat(latin.parseProblems()).contains("no charset declared, decoded as windows-1252");

        byte[] japanese = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n"
                + "日本語").getBytes("ISO-2022-JP");
        assertThat(parser.parse(new ByteArrayInputStream(japanese)).body().text()).isEqualTo("日本語");

        byte[] utf7 = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n"
                + "Hi Mom -+Jjo--!").getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(new ByteArrayInputStream(utf7)).body().text()).isEqualTo("Hi Mom -\u263a-!");
    }

    @Test
    void multipartWithoutBoundaryIsReadAsTextWithAProblem() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: broken
                Content-Type: multipart/mixed

                Some text anyway.
                """);

        assertThat(email.body().text()).contains("Some text anyway.");
        assertThat(email.parseProblems()).contains("multipart without boundary; read as text");
    }

    @Test
    void emptyMessageStillYieldsAValue() throws IOException {
        ParsedEmail email = parser.parse(new ByteArrayInputStream(new byte[0]));

        assertThat(email.body().text()).isEmpty();
        assertThat(email.body().textOrigin()).isEqualTo(TextOrigin.NONE);
        assertThat(email.messageId()).isNull();
        assertThat(email.parseProblems()).contains("no Message-ID", "no From header");
    }

    @Test
    void oversizedBodyIsCutAndKeptWholeAsAFile() throws IOException {
        var small = new EmailParser(store, new ParseLimits(1000, 1000, 1000, 10_000, 100, 1000, 1000));
        String body = "line of text\n".repeat(200);

        ParsedEmail email = small.parse(Messages.raw("From: a@example.com\nSubject: big\n\n" + body));

        assertThat(email.body().text()).hasSizeLessThanOrEqualTo(1000);
        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttachmentKind.OVERSIZED_BODY);
            assertThat(a.size()).isEqualTo(body.replace("\n", "\r\n").length());
        });
        assertThat(email.parseProblems()).anyMatch(p -> p.startsWith("text body larger than 1000 bytes"));
    }

    @Test
    void hugeHeaderIsCutNotFatal() throws IOException {
        String huge = "X-Huge: " + "a".repeat(300_000);
        ParsedEmail email = parser.parse(Messages.raw("From: a@example.com\n" + huge + "\nSubject: after\n\nbody\n"));

        assertThat(email.subject()).isEqualTo("after");
        assertThat(email.headers().first("X-Huge").orElseThrow().length()).isLessThan(300_000);
        assertThat(email.body().text()).isEqualTo("body\n");
        assertThat(email.parseProblems()).anyMatch(p -> p.matches(".*header fields? longer than.*"));
    }

    @Test
    void mboxSeparatorAndLeadingBlankLinesAreSkipped() {
        ParsedEmail email = Messages.parse(parser, "\n   \nFrom MAILER-DAEMON Mon Sep 20 19:29:27 2021\n"
                + "From: a@example.com\nSubject: kept\n\nbody\n");

        assertThat(email.subject()).isEqualTo("kept");
        assertThat(email.addresses().from()).hasSize(1);
    }

    @Test
    void forwardedMessageNamesItsOriginalSender() {
        ParsedEmail email = Messages.parse(parser, """
                From: colleague@example.com
                Subject: Fwd: printer broken

                Please help.

                ---------- Forwarded message ---------
                From: Alice Original <alice@example.org>
                Date: Tue, Jan 01, 2019 at 12:00 PM
                Subject: printer broken
                To: <colleague@example.com>

                The printer is broken.
                """);

        assertThat(email.forwarded()).isNotNull();
        assertThat(email.forwarded().originalSender().address()).isEqualTo("alice@example.org");
        assertThat(email.forwarded().originalSubject()).isEqualTo("printer broken");
        assertThat(email.forwarded().source()).isEqualTo(ForwardedMessage.Source.INLINE_TEXT);
        assertThat(email.body().newText()).isEqualTo("Please help.");
    }

    @Test
    void uuencodedPartIsDecoded() {
        ParsedEmail email = Messages.parse(parser, """
                From: a@example.com
                Subject: uu
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see file
                --b
                Content-Type: application/octet-stream; name="hi.txt"
                Content-Transfer-Encoding: x-uuencode

                begin 644 hi.txt
                #:&D*
                `
                end
                --b--
                """);

        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("hi.txt");
            assertThat(a.size()).isEqualTo(3);
        });
    }
}
