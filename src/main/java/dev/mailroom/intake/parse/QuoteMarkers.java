package dev.mailroom.intake.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines mail clients put where quoted history or a signature begins, in the languages seen in real mail.
 * Each predicate looks at one line with any {@code >} quoting and {@code *} bold markers removed.
 */
final class QuoteMarkers {

    /** The verb that ends an attribution line: "On …, X wrote:", "Am … schrieb X:", "Le … a écrit :". */
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(?iu).*\\b(wrote|writes|schrieb|schreef|a\\s+écrit|escribió|ha\\s+scritto|escreveu|skrev|"
                    + "napisał(\\(a\\))?|napsal(\\(a\\))?|kirjoitti|írta|yazdı|geschreven|написал(\\(а\\))?|"
                    + "написала|пише|писал)\\b[^\\n]{0,80}(:|-{2,})\\s*$|.*(写道|寫道|のメッセージ)[:：]?\\s*$");

    /** "John wrote:" with nothing after the verb: an attribution even without a date or address. */
    private static final Pattern BARE_ATTRIBUTION = Pattern.compile(
            "(?iu)^.{1,80}\\b(wrote|schrieb|a\\s+écrit|escribió|ha\\s+scritto|escreveu|skrev|napisał(\\(a\\))?|"
                    + "написал(\\(а\\))?|kirjoitti|geschreven)\\s*:\\s*$");

    /** How attribution lines start, when the verb is on a later line. */
    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "(?iu)^(-+\\s*)?(on|le|am|el|il|op|em|den|dnia|w dniu|dne|at|в|〉?在)\\b.*|^\\d.*|^.*@.*");

    /** "2016-03-03 17:21 GMT+01:00 Some One" or "2013/7/20 sam <x@y>": Gmail's date-first attribution. */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(\\s*GMT[+-]\\d{1,2}:\\d{2})?)?\\s+\\S.{0,100}$");

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?iu)^-{2,}\\s*(original message|ursprüngliche nachricht|originalnachricht|message d'origine|"
                    + "mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|"
                    + "opprinnelig melding|original meddelelse|wiadomość oryginalna|původní zpráva|"
                    + "исходное сообщение|mensagem original|alkuperäinen viesti|eredeti üzenet|orijinal mesaj|"
                    + "forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|"
                    + "messaggio inoltrato|doorgestuurd bericht)\\s*-{2,}\\s*$");

    private static final Pattern FORWARD_INTRO = Pattern.compile(
            "(?iu)^(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|"
                    + "inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht)\\s*:?\\s*$");

    static final Pattern FROM_KEY = Pattern.compile(
            "(?iu)^(from|von|de|da|van|från|fra|od|от|lähettäjä|feladó|kimden|发件人|寄件者|差出人|보낸 사람)\\s*[:：]\\s*\\S.*");

    /** An Outlook header block flattened into one line of text, as HTML quote headers read once tags are gone. */
    private static final Pattern INLINE_HEADER_BLOCK = Pattern.compile(
            "(?iu)^(from|von|de|da|van|från|fra|od|от|lähettäjä|kimden|发件人|差出人)\\s*[:：].{1,400}?\\s"
                    + "(sent|date|gesendet|datum|envoyé|enviado|enviada|fecha|inviato|data|verzonden|skickat|sendt|"
                    + "wysłano|отправлено|lähetetty|gönderildi|发送时间|送信日時|to|an|à|para|aan|till|til|do|кому)\\s*[:：].*");

    private static final Pattern OTHER_KEY = Pattern.compile(
            "(?iu)^(sent|date|to|subject|cc|reply-to|gesendet|datum|an|betreff|envoyé|date d'envoi|à|objet|"
                    + "enviado|enviada|fecha|para|asunto|inviato|data|a|oggetto|risposta|verzonden|aan|onderwerp|"
                    + "skickat|till|ämne|sendt|til|emne|wysłano|do|temat|отправлено|дата|кому|тема|lähetetty|"
                    + "vastaanottaja|aihe|odesláno|komu|předmět|gönderildi|kime|konu|发送时间|收件人|主题|"
                    + "送信日時|宛先|件名)\\s*[:：].*");

    private static final Pattern DELIMITER = Pattern.compile("^\\s*(--\\s*|([-_*#~=+])\\2{1,}\\s*|ᐧ\\s*)$");

    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "(?iu)^\\s*(sent from|sent via|sent with|sent using|get outlook for|envoyé de(puis)? mon|envoyé avec|"
                    + "von meinem .*gesendet|diese nachricht wurde von meinem|gesendet von meinem|verzonden met|"
                    + "verzonden vanaf|verstuurd vanaf|verstuurd met|enviado desde|enviado do meu|inviato da|"
                    + "skickat från|sendt fra|wysłane z|отправлено с|從我的|发自我的|iphoneから送信|"
                    + "\\(sent from|<<sent by|from my iphone|someone from mobile).*");

    private static final Pattern BOLD_MARKERS = Pattern.compile("^\\*+|\\*+(?=\\s*:)|(?<=:)\\*+|\\*+$");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("\\p{Ll}{2}[.!?]\\s+\\p{Lu}\\p{Ll}");

    private static final List<Pattern> HEADER_KEYS = List.of(FROM_KEY, OTHER_KEY);

    private QuoteMarkers() {
    }

    /** The line without leading quote markers and bold stars: what the predicates look at. */
    static String content(String line) {
        int start = 0;
        while (start < line.length() && (Character.isWhitespace(line.charAt(start)) || line.charAt(start) == '>'
                || line.charAt(start) == '|')) {
            start++;
        }
        String text = line.substring(start);
        return text.indexOf('*') < 0 ? text.strip() : BOLD_MARKERS.matcher(text).replaceAll("").strip();
    }

    static boolean isQuote(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith(">");
    }

    static boolean isBlank(String line) {
        return content(line).isEmpty();
    }

    static boolean isDelimiter(String line) {
        return DELIMITER.matcher(line).matches();
    }

    static boolean isMobileSignature(String line) {
        return MOBILE_SIGNATURE.matcher(content(line)).matches();
    }

    static boolean isSeparator(String line) {
        String text = content(line);
        return ORIGINAL_MESSAGE.matcher(text).matches() || FORWARD_INTRO.matcher(text).matches();
    }

    static boolean isForwardSeparator(String line) {
        String text = content(line).toLowerCase();
        return (ORIGINAL_MESSAGE.matcher(text).matches() && text.contains("forward"))
                || FORWARD_INTRO.matcher(text).matches()
                || text.contains("weitergeleitete") || text.contains("transféré") || text.contains("reenviado")
                || text.contains("inoltrato") || text.contains("doorgestuurd");
    }

    /** Header lines in any order (Hotmail puts Date first) with a From among the first few: after a rule, a quote. */
    private static final Pattern ANY_ORDER_HEADER_BLOCK = Pattern.compile(
            "(?iu)^(date|sent|subject|to|datum|gesendet|betreff|envoyé|objet|enviado|fecha|asunto)\\s*[:：].{1,300}?"
                    + "\\s(from|von|de|van|från|fra|od|от)\\s*[:：].*");

    /** Text after a horizontal rule or border that reads like a quoted message's header block. */
    static boolean startsHeaderBlock(String text) {
        String t = content(text);
        return startsHistory(t) || ANY_ORDER_HEADER_BLOCK.matcher(t).matches();
    }

    /** Text (an HTML element's, say) that begins a quoted message: a separator, header block or attribution. */
    static boolean startsHistory(String text) {
        String t = content(text);
        if (t.isEmpty()) {
            return false;
        }
        if (ORIGINAL_MESSAGE.matcher(t).matches() || FORWARD_INTRO.matcher(t).matches()
                || INLINE_HEADER_BLOCK.matcher(t).matches()) {
            return true;
        }
        String firstWords = t.length() > 300 || !mayEndAttribution(t) ? "" : t;
        if (t.matches("(?iu)^-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|"
                + "messaggio originale|oorspronkelijk bericht|forwarded message)\\s*-{2,}.*")) {
            return true;
        }
        return !firstWords.isEmpty() && ATTRIBUTION_END.matcher(firstWords).matches()
                && plausibleStart(firstWords, false);
    }

    /** Lines {@code [i, result)} form an attribution such as "On Mon, X wrote:"; -1 if line i starts none. */
    static int attributionEnd(List<String> lines, int i) {
        String first = content(lines.get(i));
        if (first.isEmpty()) {
            return -1;
        }
        if (DATE_FIRST.matcher(first).matches() && first.length() < 160) {
            return i + 1;
        }
        StringBuilder joined = new StringBuilder();
        for (int k = i; k < Math.min(lines.size(), i + 6); k++) {
            String text = content(lines.get(k));
            joined.append(text).append(' ');
            if (joined.length() > 400) {
                return -1;
            }
            if (mayEndAttribution(text) && (ATTRIBUTION_END.matcher(text).matches()
                    || ATTRIBUTION_END.matcher(joined.toString().strip()).matches())) {
                return plausibleStart(first, k > i) ? k + 1 : -1;
            }
            if (k > i && !text.isEmpty() && looksLikeSentence(text)) {
                return -1;
            }
        }
        return -1;
    }

    /** Cheap test before the costly pattern: every attribution ends in a colon, dashes or a CJK "wrote". */
    private static boolean mayEndAttribution(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == ':' || last == '：' || last == '-' || last == '道' || text.endsWith("のメッセージ");
    }

    private static boolean plausibleStart(String first, boolean spansLines) {
        // An attribution wrapped over lines starts with its own line, not in the middle of the author's prose.
        if (spansLines && SENTENCE_BREAK.matcher(first).find()) {
            return false;
        }
        if (ATTRIBUTION_START.matcher(first).matches()) {
            return true;
        }
        return !spansLines && BARE_ATTRIBUTION.matcher(first).matches();
    }

    private static boolean looksLikeSentence(String text) {
        return text.length() > 80 && text.endsWith(".");
    }

    /** Lines {@code [i, result)} are a quoted message's header block (From: … Sent: … To: …); -1 if not. */
    static int headerBlockEnd(List<String> lines, int i) {
        if (!FROM_KEY.matcher(content(lines.get(i))).matches()) {
            return -1;
        }
        int keys = 1;
        int end = i + 1;
        for (int k = i + 1; k < Math.min(lines.size(), i + 8); k++) {
            String text = content(lines.get(k));
            if (text.isEmpty()) {
                break;
            }
            if (HEADER_KEYS.stream().anyMatch(p -> p.matcher(text).matches())) {
                keys++;
                end = k + 1;
            } else if (keys >= 2 && k - end > 1) {
                break;
            }
        }
        return keys >= 2 ? end : -1;
    }
}
