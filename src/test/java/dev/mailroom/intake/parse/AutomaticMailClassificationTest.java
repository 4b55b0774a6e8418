package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailroom.storage.FileSystemBlobStore;

/**
 * Automatic mail recognised by what it says as well as by its headers: out-of-office subjects in the languages and
 * mail systems a desk meets, the headers auto-responders set, delay warnings, and challenge-response requests; and
 * the ordinary mail of people who merely mention those words, which must stay personal.
 */
class AutomaticMailClassificationTest {

    @TempDir
    Path blobs;

    EmailParser parser;

    @BeforeEach
    void setUp() throws java.io.IOException {
        parser = new EmailParser(new FileSystemBlobStore(blobs));
    }

    // --- out-of-office and auto-reply subjects, as clients write them ---

    @ParameterizedTest
    @ValueSource(strings = {
            // English; Exchange and Outlook
            "Out of Office: Printer on 3rd floor", "Out of Office AutoReply: VPN access", "Automatic reply: [INC-42] Laptop",
            "Auto-Reply: your message", "Autoreply", "AutoReply: hello", "Auto Response: Re: password", "Away from my mail",
            "I am out of the office until 12 January", "I am out of the office", "On vacation until Monday",
            "On vacation", "OUT OF OFFICE", "Out of office - back on 5/1", "Away until May 5", "[Auto-Reply] Re: hello",
            "[EXTERNAL] Automatic reply: Request received", "I'm away until Friday", "Out of the office (returning 3 May)",
            // Lotus Notes
            "AUTO: Jane Doe is out of the office (returning 05/12/2026)", "AUTO: Re: Printer jam",
            "Auto: John Smith is out of the office",
            // German
            "Abwesenheitsnotiz: Drucker", "Automatische Antwort: Passwort zurücksetzen", "Abwesend", "Abwesend bis 14.01.",
            "Abwesenheit: Max Mustermann", "AUTOMATISCHE ANTWORT: Ticket",
            // French
            "Absence du bureau", "Réponse automatique : Mot de passe", "REPONSE AUTOMATIQUE: test", "Absent",
            "Absent jusqu'au 5 mai",
            // Spanish
            "Respuesta automática: Impresora", "Fuera de la oficina", "Respuesta automatica: sin acento",
            // Italian
            "Risposta automatica: stampante", "Fuori ufficio", "Fuori ufficio fino al 10/01",
            // Dutch
            "Automatisch antwoord: printer", "Afwezig", "Niet aanwezig: Jan de Vries", "Afwezig tot maandag",
            // Polish
            "Automatyczna odpowiedź: drukarka", "Poza biurem", "AUTOMATYCZNA ODPOWIEDZ: test",
            // Portuguese
            "Resposta automática: impressora", "Ausente do escritório", "Fora do escritório até 5/1",
            // Scandinavian, Russian
            "Autosvar: skrivare", "Frånvaro", "Автоответ: принтер"})
    void outOfOfficeSubjectsAreAutomaticReplies(String subject) {
        ParsedEmail email = mail(subject, "", "I will be back soon. For urgent matters call the desk.");

        assertThat(email.signals().kind()).as(subject).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(email.signals().autoReply().reason()).contains("subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "=?UTF-8?Q?R=C3=A9ponse_automatique_:_Mot_de_passe?=",
            "=?iso-8859-1?Q?Abwesenheitsnotiz:_Drucker_im_B=FCro?=",
            "=?UTF-8?B?UmVzcHVlc3RhIGF1dG9tw6F0aWNhOiBpbXByZXNvcmE=?=",
            "=?utf-8?B?QXV0b21hdHljem5hIG9kcG93aWVkxbo6IGRydWthcmth?=",
            "=?windows-1252?Q?Risposta_automatica:_stampante?=",
            "=?UTF-8?Q?Automatic_reply:?= =?UTF-8?Q?_[INC-42]_Laptop?=",
            "=?ISO-8859-1?Q?AUTO:_Jane_Doe_is_out_of_the_office?="})
    void encodedWordSubjectsAreDecodedFirst(String encoded) {
        ParsedEmail email = mail(encoded, "", "I am away.");

        assertThat(email.signals().kind()).as(email.subject()).isEqualTo(MailKind.AUTO_REPLY);
    }

    @Test
    void encodedWordSubjectInUtf8Base64OfEveryLanguagePhrase() {
        for (String subject : new String[] {"Automatische Antwort: Hilfe", "Resposta automática: ajuda",
                "Réponse automatique : aide", "Fora do escritório"}) {
            String encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
            assertThat(mail(encoded, "", "away").signals().kind()).as(subject).isEqualTo(MailKind.AUTO_REPLY);
        }
    }

    // --- people who use the same words stay personal ---

    @ParameterizedTest
    @ValueSource(strings = {
            "Re: out of office policy question", "Out of office policy question", "Question about out of office settings",
            "How do I set up an automatic reply?", "Automatic replies not working in Outlook",
            "Absence request for next week", "Absent employee report", "Vacation request", "Vacation days left?",
            "RE: Automatic reply: Laptop", "Fwd: Out of Office: Printer", "AW: Abwesenheitsnotiz: Drucker",
            "Auto insurance documents", "Auto: Reifenwechsel Termin", "autopilot enrolment fails",
            "I am out of the office and cannot reach the VPN", "On vacation next week, need laptop loaner",
            "Away from home – VPN not connecting", "Abwesenheitsassistent in Outlook einrichten",
            "Réponse automatiquement envoyée ? Comment la désactiver", "Fuera de la oficina no funciona el VPN",
            "Poza biurem nie działa VPN", "Ooops, my laptop died", "Awaiting your reply on the invoice",
            "Please confirm your meeting attendance", "Verify your email settings for me?", "Delayed delivery of my monitor",
            "Warning: my password expires", "Automatic renewal of license"})
    void humanSubjectsWithThoseWordsStayPersonal(String subject) {
        ParsedEmail email = mail(subject, "", "Hello desk,\nplease help me with this.\nThanks, Kim");

        assertThat(email.signals().kind()).as(subject).isEqualTo(MailKind.PERSONAL);
    }

    @Test
    void aPersonDescribingAChallengeStaysPersonal() {
        ParsedEmail email = mail("Customer complains about our spam filter", "",
                "Hi, a customer says our anti-spam thing asked him to confirm that he is human. Can you check?");

        assertThat(email.signals().kind()).isEqualTo(MailKind.PERSONAL);
    }

    @Test
    void aForwardedChallengeIsAPersonAskingAboutIt() {
        ParsedEmail email = mail("Fwd: Please confirm your message", "",
                "What is this? I got it after writing to a supplier.\n\n---------- Forwarded message ---------\n"
                        + "To deliver your message, please click the link below to verify that you are a human.");

        assertThat(email.signals().kind()).isEqualTo(MailKind.PERSONAL);
    }

    // --- headers ---

    @ParameterizedTest
    @ValueSource(strings = {"X-Autoreply: yes", "X-Autorespond: Out of office", "X-Autoresponder: on",
            "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "Auto-Submitted: auto-notified",
            "Precedence: auto_reply", "X-Precedence: auto_reply", "X-Autogenerated: Reply",
            "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent\nX-Auto-Response-Suppress: All"})
    void autoReplyHeadersMakeAnAutomaticReply(String headers) {
        ParsedEmail email = mail("Re: Laptop broken", headers + "\n", "Thank you for your message.");

        assertThat(email.signals().kind()).as(headers).isEqualTo(MailKind.AUTO_REPLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: no", "X-Autoreply: no", "X-Auto-Response-Suppress: All",
            "X-Auto-Response-Suppress: OOF, AutoReply", "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply",
            "X-MS-Exchange-Inbox-Rules-Loop: kim@customer.test", "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent",
            "X-Precedence: normal"})
    void headersThatDoNotSayTheMessageIsAutomaticLeaveItPersonal(String headers) {
        ParsedEmail email = mail("Laptop broken", headers + "\n", "The screen is black.");

        assertThat(email.signals().kind()).as(headers).isEqualTo(MailKind.PERSONAL);
    }

    @Test
    void anAutoReplyWithPrecedenceBulkIsAnAutoReplyNotListMail() {
        ParsedEmail email = mail("Abwesenheitsnotiz: Drucker", "Precedence: bulk\n", "Ich bin bis Montag nicht im Büro.");

        assertThat(email.signals().kind()).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(email.signals().listOrBulk().present()).isTrue();
    }

    @Test
    void anAutoReplyWithPrecedenceJunkAndAutoSubmittedIsAnAutoReply() {
        ParsedEmail email = mail("Re: Printer", "Precedence: junk\nAuto-Submitted: auto-replied\n", "Away.");

        assertThat(email.signals().kind()).isEqualTo(MailKind.AUTO_REPLY);
    }

    @Test
    void listMailStaysListMail() {
        assertThat(mail("[users] Weekly digest", "List-Id: <users.lists.example.org>\n", "Digest").signals().kind())
                .isEqualTo(MailKind.LIST_OR_BULK);
        assertThat(mail("Newsletter", "Precedence: list\n", "News").signals().kind()).isEqualTo(MailKind.LIST_OR_BULK);
        assertThat(mail("Newsletter", "Precedence: bulk\n", "News").signals().kind()).isEqualTo(MailKind.LIST_OR_BULK);
    }

    // --- delay warnings ---

    @ParameterizedTest
    @ValueSource(strings = {"Delivery Status Notification (Delay)", "Warning: message 1GdV3O-0002RD-H2 delayed 72 hours",
            "Delayed Mail (still being retried)", "Delivery Status Notification (Mail Delivery Delayed)"})
    void delayWarningSubjectsAreDelayWarningsEvenFromAnOrdinaryLookingSender(String subject) {
        ParsedEmail email = mail(subject, "", "This is just a note; no action is required.");

        assertThat(email.signals().kind()).as(subject).isEqualTo(MailKind.DELAY_WARNING);
        assertThat(email.signals().bounce().present()).isFalse();
    }

    @Test
    void aStatusReportWithActionDelayedIsADelayWarningNeverABounce() {
        ParsedEmail email = Messages.parse(parser, """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: desk@example.com
                Subject: Delivery Status Notification
                Message-ID: <dsn-delay-1@mx.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Delivery to the following recipient has been delayed: kim@customer.test

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; kim@customer.test
                Action: delayed
                Status: 4.4.7

                --b--
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.DELAY_WARNING);
        assertThat(email.signals().delayWarning().reason()).contains("Action delayed");
    }

    // --- challenge-response ---

    @Test
    void spamArrestChallenge() {
        ParsedEmail email = Messages.parse(parser, """
                From: "Kim Lee" <kimlee@spamarrest.com>
                To: desk@example.com
                Subject: Re: [INC-42] Your request was received
                Message-ID: <cr-1@spamarrest.com>

                Hello,

                I use Spam Arrest to protect my inbox. To deliver your message, please click the link below and
                confirm that you are a person, not a computer program:

                https://www.spamarrest.com/verify?id=abc123
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
        assertThat(email.signals().challengeResponse().reason()).contains("spamarrest.com");
    }

    @Test
    void boxbeGuestListRequest() {
        ParsedEmail email = Messages.parse(parser, """
                From: Boxbe <notification@boxbe.com>
                To: desk@example.com
                Subject: Request to join my Guest List
                Message-ID: <cr-2@boxbe.com>
                Auto-Submitted: auto-replied

                Hello, Your message to Dana has been placed on hold. Add yourself to my Guest List so your
                messages always reach me.
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
    }

    @Test
    void tmdaConfirmationRequest() {
        ParsedEmail email = Messages.parse(parser, """
                From: jo-confirm+1234.abcd@example.net
                To: desk@example.com
                Subject: Please confirm your message
                Message-ID: <cr-3@example.net>
                X-Delivery-Agent: TMDA/1.1.12 (Macallan)

                This message was created automatically by mail delivery software (TMDA).
                Your message attached below is being held because the address <desk@example.com> has not been
                verified.
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
        assertThat(email.signals().challengeResponse().reason()).contains("TMDA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your message is awaiting verification", "Sender verification required",
            "Please verify your email address to deliver your message", "Please confirm your message",
            "Re: Printer [Sender Verification]", "Verification required: your message to ana@example.org"})
    void genericChallengeWordingInSubjectAndText(String subject) {
        ParsedEmail email = mail(subject, "",
                "Your message is being held until you confirm it. To deliver your message, please click on the link"
                        + " below: https://verify.example.org/c/8f3a");

        assertThat(email.signals().kind()).as(subject).isEqualTo(MailKind.CHALLENGE_RESPONSE);
    }

    @Test
    void choiceMailRegistrationRequest() {
        ParsedEmail email = Messages.parse(parser, """
                From: Pat Moor <pat@moor.customer.test>
                To: desk@example.com
                Subject: Re: [INC-77] Request received - verification required
                Message-ID: <cr-5@moor.customer.test>
                X-ChoiceMail-Registration-Request: yes

                I am using ChoiceMail, a permission-based email system. Please register by following the link below.
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
    }

    @Test
    void mailblocksChallengeBySenderDomain() {
        ParsedEmail email = Messages.parse(parser, """
                From: "Alex Roe" <alex@mailblocks.com>
                To: desk@example.com
                Subject: Mailblocks: please take a moment
                Message-ID: <cr-6@mailblocks.com>

                Alex uses Mailblocks. Enter the code shown to get your message through.
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
        assertThat(email.signals().challengeResponse().reason()).contains("mailblocks.com");
    }

    @Test
    void whitelistChallengeWithAnOrdinarySubjectIsKnownByTwoSentencesOfItsText() {
        ParsedEmail email = mail("Re: [INC-42] Your request was received", "Auto-Submitted: auto-replied\n",
                "Hi! I'm protecting my inbox from spam. Your email has been placed on hold until you verify it.\n"
                        + "Please click the button below to confirm you\u2019re a real person; once you do, I will add your"
                        + " address to my whitelist.");

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
        assertThat(email.signals().autoReply().present()).as("it also says auto-replied; the challenge is more specific")
                .isTrue();
    }

    @Test
    void aChallengeFromAMailSystemThatReadsLikeAFailureIsNotABounce() {
        ParsedEmail email = Messages.parse(parser, """
                From: Mail Delivery System <MAILER-DAEMON@filter.example.org>
                To: desk@example.com
                Subject: Undelivered Mail: your message is awaiting verification
                Message-ID: <cr-4@filter.example.org>
                Return-Path: <>

                Your message was not delivered yet: our anti-spam system uses challenge-response.
                To deliver your message, please click the link below and prove you are a human:
                https://filter.example.org/release/77
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.CHALLENGE_RESPONSE);
        assertThat(email.signals().bounce().present()).isFalse();
        assertThat(email.signals().automated()).isTrue();
    }

    @Test
    void aRealStatusReportStaysABounceWhateverItsTextSays() {
        ParsedEmail email = Messages.parse(parser, """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: desk@example.com
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-fail-1@mx.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered. Please confirm your message address: you are a human?
                To deliver your message, please check the address.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; nobody@customer.test
                Action: failed
                Status: 5.1.1

                --b--
                """);

        assertThat(email.signals().kind()).isEqualTo(MailKind.BOUNCE);
    }

    private ParsedEmail mail(String subject, String extraHeaders, String body) {
        return Messages.parse(parser, "From: Kim Lee <kim@customer.test>\nTo: desk@example.com\nSubject: " + subject
                + "\nMessage-ID: <m-" + Math.abs(subject.hashCode()) + "@customer.test>\n" + extraHeaders
                + "\n" + body + "\n");
    }
}
