package dev.mailroom.intake.parse;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Out-of-office and other automatic-reply subjects as mail systems write them, in the languages a desk meets. The
 * subject (encoded words already decoded) is compared without case or accents, and a phrase counts only as the
 * subject's <em>prefix</em> followed by a separator ({@code "Automatic reply: …"}, {@code "Out of Office - …"}) or as
 * the whole subject, never anywhere inside it: a person's {@code "Re: out of office policy question"} or
 * {@code "Absence request for next week"} stays a request.
 */
final class AutoReplySubjects {

    // First: the phrase lists below are normalized with them while the class initializes.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /**
     * Phrases that mean "automatic reply" or "I am away" on their own; they count when followed by a separator, the
     * end of the subject, or when the writer is back.
     */
    private static final List<String> PHRASES = normalized(
            // English, Exchange and Outlook ("Automatic reply:", Exchange 2003 "Out of Office AutoReply:")
            "automatic reply", "automatic response", "auto reply", "auto-reply", "autoreply", "auto response",
            "auto-response", "autoresponse", "auto respons", "autorespons", "auto-respons", "out of office autoreply",
            "out of office auto-reply", "out of office reply", "out of office", "out of the office", "ooo",
            "away from my mail", "away from my email", "away from my e-mail", "away from the office",
            "away from my desk", "away from office",
            // German
            "abwesenheitsnotiz", "abwesenheit", "abwesend", "automatische antwort", "automatische abwesenheitsnotiz",
            "nicht im buro", "nicht im haus",
            // French
            "absence du bureau", "reponse automatique", "absent", "absente", "absent du bureau",
            // Spanish
            "respuesta automatica", "fuera de la oficina", "ausente", "fuera de oficina",
            // Italian
            "risposta automatica", "fuori ufficio", "fuori sede", "assente",
            // Dutch
            "automatisch antwoord", "afwezig", "niet aanwezig", "afwezigheidsmelding", "automatisch bericht",
            // Polish
            "automatyczna odpowiedz", "poza biurem", "nieobecnosc",
            // Portuguese
            "resposta automatica", "ausente do escritorio", "fora do escritorio", "resposta automatica de ausencia",
            // Scandinavian, Russian
            "autosvar", "franvaro", "fravaer", "автоответ", "автоматический ответ", "нет на месте");

    /**
     * Sentences an away notice starts with. Like the phrases, they count before a separator or with when the writer
     * is back ("I am out of the office until 5 May"), never with anything else ("I am out of the office and cannot
     * reach the VPN" is a request).
     */
    private static final List<String> SENTENCES = normalized(
            "i am out of the office", "i'm out of the office", "i am out of office", "i'm out of office",
            "i am currently out of the office", "i am away", "i'm away", "away", "on vacation", "on holiday",
            "on leave", "je suis absent", "je suis absente", "ich bin nicht im buro", "ich bin abwesend",
            "estoy fuera de la oficina");

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*([:\\-–—(|\\[/]|$)");
    /** When the writer is back: "until 5 May", "bis 12.01.", "jusqu'au", "hasta el", "fino al", "tot", "do", "ate". */
    private static final Pattern BACK_WHEN = Pattern.compile(
            "^\\s+((until|till|til|returning|back|through|thru|bis|jusqu|hasta|fino|tot|do|ate)\\b|from \\d|\\d).*");
    /**
     * Lotus Notes' out-of-office agent writes {@code "AUTO: Jane Doe is out of the office (returning 05/12/2026)"},
     * in capitals: the capitals are the sign, because "Auto:" is also how a German ("Auto" = car) or Dutch writer
     * may start a subject. A lower-case "auto:" counts only when an away notice follows.
     */
    private static final Pattern LOTUS = Pattern.compile("^AUTO\\s*:.*", Pattern.DOTALL);
    private static final Pattern LOTUS_ANY_CASE = Pattern.compile(
            "^auto\\s*:.*(out of (the )?office|is away|returning|abwesend|absent|afwezig|vacation).*", Pattern.DOTALL);
    private static final Pattern LEADING_TAG = Pattern.compile("^\\s*\\[([^\\]]{0,40})\\]\\s*");

    private AutoReplySubjects() {
    }

    /** The phrase that makes this subject an automatic reply's, if it is one. */
    static Optional<String> match(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String stripped = subject.strip();
        if (LOTUS.matcher(stripped).matches()) {
            return Optional.of("AUTO:");
        }
        String text = normalize(stripped);
        // A tag a gateway put in front ("[EXTERNAL] Automatic reply: …"), or the phrase in brackets ("[Auto-Reply]").
        for (int i = 0; i < 3; i++) {
            Matcher tag = LEADING_TAG.matcher(text);
            if (!tag.find()) {
                break;
            }
            Optional<String> inside = phrase(tag.group(1).strip());
            if (inside.isPresent()) {
                return inside;
            }
            text = text.substring(tag.end());
        }
        if (LOTUS_ANY_CASE.matcher(text).matches()) {
            return Optional.of("auto:");
        }
        return phrase(text);
    }

    private static Optional<String> phrase(String text) {
        String best = null;
        for (List<String> list : List.of(PHRASES, SENTENCES)) {
            for (String phrase : list) {
                if (text.startsWith(phrase) && ends(text.substring(phrase.length()))
                        && (best == null || phrase.length() > best.length())) {
                    best = phrase;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The phrase ends at a separator, the end of the subject, or goes on with when the writer is back. */
    private static boolean ends(String rest) {
        return SEPARATOR.matcher(rest).find() || BACK_WHEN.matcher(rest).matches();
    }

    private static List<String> normalized(String... phrases) {
        return Arrays.stream(phrases).map(AutoReplySubjects::normalize).toList();
    }

    /** Lower case, accents gone ("Réponse automatique" → "reponse automatique"), runs of white space as one. */
    static String normalize(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String folded = decomposed.replace('ø', 'o').replace('Ø', 'O').replace('ł', 'l').replace('Ł', 'L')
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        return WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
    }
}
