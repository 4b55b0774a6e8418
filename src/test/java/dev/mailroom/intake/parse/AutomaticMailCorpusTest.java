package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/**
 * The corpus's automatic replies and challenge-response messages are automatic mail, and its ordinary requests and
 * replies are not. Automatic replies are the rows the corpus files as {@code auto_reply} or {@code auto_generated}
 * (sisimai's {@code vacation} expectations among them); challenge-response messages are looked for by the same
 * wording the classifier knows, since the corpus files none as such.
 */
class AutomaticMailCorpusTest {

    /**
     * Rows the corpus files as ordinary requests (by header heuristics) that are in fact machine mail, with why.
     * Each must still be classified automatic: when one is not, take it off this list.
     */
    private static final Map<String, String> REQUESTS_THAT_ARE_MACHINE_MAIL = Map.of(
            "php-mime-mail-parser/mails/issue212", "an Exchange auto-reply in Polish (\"Automatyczna odpowiedź: …\", "
                    + "windows-1250 encoded words): the corpus only tests its subject's decoding",
            "mimekit/messages/feedback-report.txt", "an ARF abuse report (multipart/report; feedback-report)",
            "php-bounce-handler/exchange1.eml", "an Exchange DSN (message/delivery-status, Action: failed)",
            "php-bounce-handler/exchange2.eml", "an Exchange DSN (message/delivery-status, Action: failed)",
            "php-bounce-handler/exchange3.eml", "an Exchange DSN (message/delivery-status, Action: failed)",
            "php-bounce-handler/hotmailbounce.txt", "a Hotmail complaint (\"complaint about message from …\") with "
                    + "the reported message attached",
            "sisimai/dos/lhost-interscanmss-01.eml", "an InterScan MSS bounce (CRLF copy of a sisimai bounce)");

    @TempDir
    Path blobs;

    @Test
    void automaticRepliesAreAutomaticAndOrdinaryRequestsAreNot() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        List<String> autoRepliesMissed = new ArrayList<>();
        List<String> requestsTakenForAutomatic = new ArrayList<>();
        List<String> exceptionsNoLongerAutomatic = new ArrayList<>();
        Map<MailKind, Integer> autoReplyKinds = new TreeMap<>();
        Map<MailKind, Integer> requestKinds = new TreeMap<>();
        List<String> challenges = new ArrayList<>();
        int autoReplies = 0;
        int requests = 0;
        for (Map<String, String> row : Corpus.messages()) {
            String path = row.get("path");
            String category = row.get("category");
            ParsedEmail email;
            try (InputStream in = Files.newInputStream(Corpus.file(path))) {
                email = parser.parse(in);
            }
            MailKind kind = email.signals().kind();
            if (kind == MailKind.CHALLENGE_RESPONSE) {
                challenges.add(path + " (" + email.signals().challengeResponse().reason() + ")");
            }
            if (category.equals("auto_reply") || category.equals("auto_generated")) {
                autoReplies++;
                autoReplyKinds.merge(kind, 1, Integer::sum);
                if (!email.signals().automated()) {
                    autoRepliesMissed.add(path + " (" + row.get("subject") + ") classified " + kind);
                }
            } else if (category.equals("new_request") || category.equals("reply")) {
                requests++;
                requestKinds.merge(kind, 1, Integer::sum);
                boolean automatic = email.signals().automated();
                if (REQUESTS_THAT_ARE_MACHINE_MAIL.containsKey(path)) {
                    if (!automatic) {
                        exceptionsNoLongerAutomatic.add(path);
                    }
                } else if (automatic) {
                    requestsTakenForAutomatic.add(path + " (" + row.get("subject") + ") classified " + kind + ": "
                            + reason(email.signals(), kind));
                }
            }
        }
        System.out.printf("automatic mail in the corpus: %d of %d auto-replies classified automatic %s; "
                + "%d challenge-response messages found%n", autoReplies - autoRepliesMissed.size(), autoReplies,
                autoReplyKinds, challenges.size());
        System.out.printf("ordinary mail in the corpus: %d of %d requests and replies classified automatic %s "
                + "(%d known machine mail filed as requests)%n", requestsTakenForAutomatic.size(), requests,
                requestKinds, REQUESTS_THAT_ARE_MACHINE_MAIL.size());
        challenges.forEach(c -> System.out.println("  challenge-response: " + c));
        autoRepliesMissed.forEach(m -> System.out.println("  auto-reply missed: " + m));
        requestsTakenForAutomatic.forEach(m -> System.out.println("  request taken for automatic: " + m));

        assertThat(autoReplies).isGreaterThanOrEqualTo(9);
        assertThat(autoRepliesMissed).as("auto-replies not classified automatic").isEmpty();
        assertThat(requestsTakenForAutomatic).as("ordinary requests classified automatic").isEmpty();
        assertThat(exceptionsNoLongerAutomatic).as("known machine mail no longer classified automatic").isEmpty();
    }

    private static String reason(MailSignals signals, MailKind kind) {
        Signal signal = switch (kind) {
            case BOUNCE -> signals.bounce();
            case DELAY_WARNING -> signals.delayWarning();
            case DELIVERY_REPORT -> signals.deliveryReport();
            case READ_RECEIPT -> signals.readReceipt();
            case FEEDBACK_REPORT -> signals.feedbackReport();
            case CHALLENGE_RESPONSE -> signals.challengeResponse();
            case AUTO_REPLY -> signals.autoReply();
            case LIST_OR_BULK -> signals.listOrBulk();
            case PERSONAL -> Signal.ABSENT;
        };
        return String.valueOf(signal.reason());
    }
}
