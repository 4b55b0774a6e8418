package dev.mailroom.intake.bounces;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from a failed recipient's enhanced status code (RFC 3463: class.subject.detail), SMTP reply code and the
 * remote server's text whether the address itself is at fault. The status code alone is not enough: servers send
 * 5.0.0 or 5.5.0 with "user unknown", 5.1.1 with "mailbox full", 5.2.1 for a spam block, 5.7.1 for an unknown user.
 * So each status is read as one of three verdicts — it names the address, it names something else, or it says
 * nothing clear — and the text settles what the status leaves open. In doubt, the address is not marked: a missed
 * mark costs one more bounce, a wrong mark silences a requester.
 */
public final class FailureClassifier {

    /** The answer and its reason in a sentence ("5.1.1 and \"user unknown\": the mailbox does not exist"). */
    public record Verdict(FailureCause cause, String why) {

        public boolean addressFailure() {
            return cause.addressFailure();
        }
    }

    private record Phrase(FailureCause cause, Pattern pattern) {
    }

    /** Text that blames the address. Checked after the soft phrases' own checks, see {@link #classify}. */
    private static final List<Phrase> ADDRESS_TEXT = List.of(
            phrase(FailureCause.DOMAIN_UNKNOWN, "host (or domain name )?not found|domain (name )?not found|no such domain"
                    + "|unknown domain|domain (does not|doesn't) exist|host unknown|unknown host|unrouteable address"
                    + "|unroutable address|no mx (record )?for|null mx|does not accept (e-?)?mail|name or service not known"
                    + "|nxdomain|domain is not configured|invalid domain|couldn't find a mail exchanger|no mx record"
                    + "|no mail exchanger|indicated no smtp service|domain is not reachable"),
            phrase(FailureCause.MAILBOX_GONE, "mailbox (has been |is )?disabled|account (has been |is )?disabled"
                    + "|account (has been |is )?(closed|deactivated|terminated|expired|inactive|suspended)"
                    + "|mailbox (is )?(inactive|suspended)|has moved|no longer (active|available|valid|in use|exists?)"
                    + "|user has moved|not (an )?active (user|mailbox|account)|recipient (is )?no longer"),
            phrase(FailureCause.MAILBOX_UNKNOWN, "user unknown|unknown user|no such (user|recipient|mailbox|person|address|account)"
                    + "|mailbox unavailable|mailbox not found|mailbox (does not|doesn't) exist|does not exist|doesn't exist"
                    + "|(recipient|user|address|mailbox|account) (was )?not found|unknown (local[- ]part|recipient|address|mailbox)"
                    + "|recipient unknown|addressee unknown|invalid (recipient|mailbox|address|user)|not a valid (user|mailbox|recipient)"
                    + "|bad destination mailbox|user (name )?is not recognized|recipient name is not recognized"
                    + "|not listed in|unknown or illegal alias|no mailbox here|user doesn't have|mailbox name not allowed"
                    + "|is not a known user|no account by that name|address rejected|undeliverable address|unknown account"
                    + "|there is no one at this address|user not exist|non-existent|nonexistent|no valid recipients"
                    + "|address (wasn't|wasn’t|was not) found|invalid final delivery userid"));

    /** Text that names a cause other than the address, most specific first. */
    private static final List<Phrase> SOFT_TEXT = List.of(
            phrase(FailureCause.MAILBOX_FULL, "quota|mailbox (is )?full|mailbox size|storage (space|limit)"
                    + "|insufficient (system )?storage|disk full|full mailbox|mailfolder is full|mail ?box has exceeded"
                    + "|too much mail|out of storage"),
            phrase(FailureCause.MESSAGE_TOO_LARGE, "too (large|big)|message size|size limit|exceeds? (the )?(max|size|limit)"
                    + "|message length exceeds|larger than"),
            phrase(FailureCause.OUR_SERVER_REFUSED, "relay(ing)? (access )?(denied|not permitted|prohibited|not allowed)"
                    + "|not permitted to relay|unable to relay|we do not relay|relay not|configured to relay|relaying|authentication (required|failed)"
                    + "|not authenticated|spf|dkim|dmarc|reverse dns|ptr record|rdns|reputation|sender address rejected"
                    + "|sender (domain|verify|denied|rejected|not allowed)|helo|ehlo|client host rejected"
                    + "|access denied|tls required|encryption required|must use tls"),
            phrase(FailureCause.SPAM_OR_POLICY, "spam|junk|blocked|block ?list|black ?list|blacklisted|denylist|dnsbl|rbl"
                    + "|policy|prohibited|banned|filter|not accepting mail from|refused by|rejected by the recipient"
                    + "|phish|suspicious|abuse|refused due to|recipient preferences"),
            phrase(FailureCause.CONTENT_REFUSED, "virus|malware|infected|content|attachment (type )?(is )?not allowed"
                    + "|mime|header (error|too)|too many (hops|received)|loop"),
            phrase(FailureCause.RATE_LIMITED, "rate limit|at a rate|too many (messages|connections|recipients|emails)|throttl"
                    + "|rate of|sending limit|slow down|exceeded the rate|receiving limit"),
            phrase(FailureCause.TEMPORARY, "try (again )?later|try again|temporar|timed? ?out|connection (refused|reset|lost)"
                    + "|expired|retry|could not be delivered within|not responding|not reachable|network|deferred|greylist"
                    + "|service unavailable|system error|resources"));

    private static final Pattern CLASS_SUBJECT_DETAIL = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    private FailureClassifier() {
    }

    private static Phrase phrase(FailureCause cause, String regex) {
        return new Phrase(cause, Pattern.compile("(?:" + regex + ")", Pattern.CASE_INSENSITIVE));
    }

    public static Verdict classify(FailedRecipient recipient) {
        String text = recipient.diagnostic() == null ? "" : recipient.diagnostic().toLowerCase(Locale.ROOT);
        Found address = first(ADDRESS_TEXT, text);
        Found soft = first(SOFT_TEXT, text);
        String status = recipient.status();
        Integer smtp = recipient.smtpCode();
        String shown = status != null ? status : smtp != null ? String.valueOf(smtp) : "no status";

        // A delay or a 4xx is temporary by definition (RFC 3463 class 4, RFC 5321 4yz), whatever the text says:
        // "user unknown" with 450 is a directory the server could not reach right now.
        if ("delayed".equals(recipient.action()) || (status != null && status.startsWith("4"))
                || (status == null && smtp != null && smtp / 100 == 4)) {
            return new Verdict(soft != null && soft.cause() != FailureCause.TEMPORARY ? soft.cause() : FailureCause.TEMPORARY,
                    shown + " is a temporary failure" + said(soft != null ? soft : address));
        }
        if (status != null && status.startsWith("2")) {
            return new Verdict(FailureCause.UNCLEAR, shown + " reports success, not a failure");
        }
        Matcher code = status == null ? null : CLASS_SUBJECT_DETAIL.matcher(status);
        String subjectDetail = code != null && code.matches() ? code.group(2) + "." + code.group(3) : null;
        FailureCause byStatus = subjectDetail == null ? null : switch (subjectDetail) {
            case "1.1", "1.3" -> FailureCause.MAILBOX_UNKNOWN; // bad destination mailbox address (or its syntax)
            case "1.2", "1.10" -> FailureCause.DOMAIN_UNKNOWN; // bad destination system, null MX (RFC 7505)
            case "1.6", "2.1" -> FailureCause.MAILBOX_GONE; // moved, no forwarding; mailbox disabled
            case "2.2" -> FailureCause.MAILBOX_FULL;
            case "2.3", "3.4" -> FailureCause.MESSAGE_TOO_LARGE; // message length exceeds the mailbox's or system's limit
            case "1.7", "1.8", "7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "7.10", "7.11",
                    "7.12", "7.13", "7.14", "7.15", "7.16", "7.17", "7.18", "7.19", "7.20", "7.21", "7.22", "7.23",
                    "7.24", "7.25", "7.26", "7.27", "7.28", "7.29", "7.30" -> FailureCause.SPAM_OR_POLICY;
            case "6.0", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10" -> FailureCause.CONTENT_REFUSED;
            case "4.7" -> FailureCause.TEMPORARY; // delivery time expired
            default -> null; // 5.0.0, 5.1.0, 5.2.0, 5.3.x, 5.4.x, 5.5.x: the status says only "failed"
        };

        if (byStatus != null && byStatus.addressFailure()) {
            // Many servers answer 5.1.1 (or 5.2.1) for anything they refuse at RCPT TO. When the text names another
            // cause ("mailbox full", "blocked as spam") and not the address, the text is the more specific answer.
            if (address == null && soft != null && soft.cause() != FailureCause.TEMPORARY) {
                return new Verdict(soft.cause(), shown + " names the address, but the text says \"" + soft.phrase()
                        + "\": not the address's fault");
            }
            return new Verdict(address != null ? address.cause() : byStatus,
                    shown + " is a permanent address failure" + said(address));
        }
        if (byStatus == FailureCause.SPAM_OR_POLICY && subjectDetail.startsWith("7.") && address != null && soft == null) {
            // 5.7.x is "security or policy", yet some servers (Exchange, Postfix restrictions) refuse an unknown
            // user with it: "550 5.7.1 <x>: Recipient address rejected: user unknown". With nothing in the text but
            // the unknown user, the text is the answer. "554 5.7.1 Relay access denied" has no such text.
            return new Verdict(address.cause(), shown + " is a policy status, but the text says only \""
                    + address.phrase() + "\": the address does not exist");
        }
        if (byStatus != null) {
            // 5.2.2 full, 5.2.3 / 5.3.4 too large, 5.6.x content, 5.7.x policy, 5.1.8 our sender: concrete causes
            // that are no fault of the address, whatever else the text mentions.
            FailureCause cause = byStatus == FailureCause.SPAM_OR_POLICY && soft != null ? soft.cause() : byStatus;
            return new Verdict(cause, shown + " is not an address failure" + said(soft));
        }
        // 5.0.0, 5.5.0, a bare 550 or no code at all: only the text can tell. "550 5.0.0 <x>... User unknown" is an
        // address failure; text naming both ("user unknown or mailbox full") stays unmarked.
        boolean permanent = (status != null && status.startsWith("5")) || (smtp != null && smtp / 100 == 5)
                || recipient.action() == null || "failed".equals(recipient.action());
        if (address != null && soft == null && permanent) {
            return new Verdict(address.cause(), shown + " with \"" + address.phrase() + "\": a permanent address failure");
        }
        if (soft != null) {
            return new Verdict(soft.cause(), shown + " with \"" + soft.phrase() + "\"" + (address != null
                    ? " and \"" + address.phrase() + "\": the text does not clearly blame the address" : ""));
        }
        return new Verdict(FailureCause.UNCLEAR, shown + (text.isBlank() ? " without an answer" : " without a known reason")
                + ": the address is not marked");
    }

    private record Found(FailureCause cause, String phrase) {
    }

    private static Found first(List<Phrase> phrases, String text) {
        for (Phrase phrase : phrases) {
            Matcher matcher = phrase.pattern().matcher(text);
            if (matcher.find()) {
                return new Found(phrase.cause(), matcher.group().strip());
            }
        }
        return null;
    }

    private static String said(Found found) {
        return found == null ? "" : " (\"" + found.phrase() + "\")";
    }
}
