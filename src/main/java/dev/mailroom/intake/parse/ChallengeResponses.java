package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Challenge-response systems (Spam Arrest, Boxbe, Mailblocks, ChoiceMail, TMDA, a provider's "sender verification")
 * hold a message until its sender proves to be a person: they answer with "please confirm your message", "click here
 * to deliver it", "add yourself to my whitelist". Such an answer is automatic mail, not a request, and not a bounce
 * either: the message was received, not refused.
 *
 * <p>A known service (its domain on the sender, or its own header) is enough on its own. Otherwise the wording must
 * agree twice — the subject and the text, or two different sentences of the text — because a person may well write
 * one of them ("can you verify your email settings?"). A forwarded challenge ("Fwd: Please confirm your message") is
 * a person asking the desk about it, and stays a request.
 */
final class ChallengeResponses {

    private static final Pattern SERVICE_DOMAIN = Pattern.compile(
            "(?i)(^|[.@])(spamarrest\\.com|boxbe\\.com|mailblocks\\.com|choicemail\\.com|digiportal\\.com|"
                    + "sendio\\.com|bluebottle\\.com|qurb\\.com|sentrymail\\.com)\\s*>?$");
    private static final List<String> SERVICE_HEADER_PREFIXES = List.of(
            "X-Boxbe", "X-SpamArrest", "X-Spam-Arrest", "X-TMDA", "X-Mailblocks", "X-ChoiceMail", "X-Challenge");
    private static final Pattern TMDA_AGENT = Pattern.compile("(?i).*\\btmda\\b.*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern FORWARD = Pattern.compile("(?i)^\\s*(fw|fwd|wg|tr|rv|doorst|enc|i)\\s*:");
    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*((re|aw|sv|auto)\\s*:\\s*)*(\\[[^\\]]{0,40}\\]\\s*)?(please )?("
                    + "please confirm your (message|e-?mail|request|address)|confirm your (message|e-?mail) to|"
                    + "(your )?(message|e-?mail)( to \\S+)? (is |has been )?(awaiting|pending|requires|needs|held for)"
                    + " (your )?(verification|confirmation|approval)|awaiting (your )?verification|"
                    + "sender verification|sender (address )?confirmation|verification (required|needed|request)|"
                    + "verify your (e-?mail|message|address|identity)|please verify (that )?you are|are you (a )?human|"
                    + "anti-?spam (verification|confirmation)|spam ?arrest|boxbe|mailblocks|choicemail|"
                    + "request to (join|be added to) my (guest ?list|white ?list|approved senders)).*"
                    + "|.*\\[(spam ?arrest|sender verification|verification required)[^\\]]*\\].*");
    private static final List<Pattern> TEXT = List.of(
            Pattern.compile("to (deliver|release|send) your (message|e-?mail)\\W{0,3}\\s*(please )?"
                    + "(click|reply|visit|follow|go to|confirm|verify)"),
            Pattern.compile("(confirm|prove|verify|show) (that )?you('re|\u2019re| are) (a )?(human|real person|person|not a "
                    + "(robot|spammer|computer|machine|program))"),
            Pattern.compile("(i|we) (use|am using|are using|have) .{0,60}(spam ?arrest|boxbe|mailblocks|choicemail|tmda"
                    + "|challenge[- ]response|sender verification)"),
            Pattern.compile("challenge[- ]response"),
            Pattern.compile("your (message|e-?mail)( \\S+){0,3} (is|has been|was|will be) (being )?(held|placed on hold|quarantined|pending|kept|waiting|"
                    + "on hold)[^.]{0,80}(verif|confirm|approv)"),
            Pattern.compile("(add|added|adding) (yourself|you|your (e-?mail )?address) to (my|the|our) "
                    + "(white ?list|approved senders?( list)?|guest ?list|list of approved senders|safe senders)"),
            Pattern.compile("click (on )?the (link|button) below to (verify|confirm|deliver|release|approve)"),
            Pattern.compile("(one-time|one time) (verification|confirmation)"),
            Pattern.compile("awaiting (your )?(verification|confirmation)"),
            Pattern.compile("sender verification"));

    private ChallengeResponses() {
    }

    static Signal detect(EmailHeaders headers, AddressHeaders addresses, String subject, String text) {
        if (FORWARD.matcher(subject).find()) {
            return Signal.ABSENT;
        }
        Optional<String> service = service(headers, addresses);
        if (service.isPresent()) {
            return Signal.because("challenge-response service " + service.get());
        }
        String normalizedSubject = AutoReplySubjects.normalize(subject);
        boolean subjectSays = SUBJECT.matcher(normalizedSubject).matches();
        List<String> says = new ArrayList<>();
        // The text patterns are plain English, so lower case and single spaces suffice: no accent folding of the
        // whole text for every email.
        String head = text == null ? "" : text.length() > 6000 ? text.substring(0, 6000) : text;
        String body = WHITE_SPACE.matcher(head.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (Pattern pattern : TEXT) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.find()) {
                says.add(matcher.group());
            }
        }
        if ((subjectSays && !says.isEmpty()) || says.size() >= 2) {
            return Signal.because("challenge-response request: "
                    + (subjectSays ? "subject \"" + subject.strip() + "\", " : "")
                    + "text \"" + String.join("\", \"", says.subList(0, Math.min(2, says.size()))) + "\"");
        }
        return Signal.ABSENT;
    }

    private static Optional<String> service(EmailHeaders headers, AddressHeaders addresses) {
        for (Header header : headers.all()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            for (String prefix : SERVICE_HEADER_PREFIXES) {
                if (name.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    return Optional.of("(" + header.name() + " header)");
                }
            }
            if (name.equals("x-delivery-agent") && TMDA_AGENT.matcher(header.value()).matches()) {
                return Optional.of("TMDA (X-Delivery-Agent: " + header.value().strip() + ")");
            }
        }
        Optional<String> author = addresses.author().map(EmailAddress::address);
        if (author.isPresent() && SERVICE_DOMAIN.matcher(author.get()).find()) {
            return Optional.of("(sender " + author.get() + ")");
        }
        for (String name : List.of("Sender", "Return-Path", "Reply-To")) {
            for (String value : headers.values(name)) {
                if (SERVICE_DOMAIN.matcher(value.strip()).find()) {
                    return Optional.of("(" + name + ": " + value.strip() + ")");
                }
            }
        }
        return Optional.empty();
    }
}
