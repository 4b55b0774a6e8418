package dev.mailroom.intake.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.ParsedEmail;

/**
 * Whether one condition holds for an email. Every comparison ignores case. A field with several values (all To
 * addresses, every occurrence of a header) matches when any value does; a field the email lacks matches nothing.
 * Address fields compare EQUALS with the bare address and CONTAINS / REGEX with "Name &lt;address&gt;", so both the
 * name and the address can be searched.
 */
final class ConditionMatcher {

    private ConditionMatcher() {
    }

    /** @throws RegexBudget.Exceeded when a regular expression takes too long on this email */
    static boolean matches(RuleCondition condition, ParsedEmail email) {
        if (condition.field().holdsAddresses()) {
            return addresses(condition.field(), email).anyMatch(address -> matchesAddress(condition, address));
        }
        return texts(condition, email).anyMatch(text -> matchesText(condition.operator(), condition.value(), text));
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Stream<EmailAddress> addresses(ConditionField field, ParsedEmail email) {
        var headers = email.addresses();
        List<EmailAddress> list = switch (field) {
            case FROM -> headers.from().isEmpty() ? headers.author().stream().toList() : headers.from();
            case TO -> headers.to();
            case CC -> headers.cc();
            default -> throw new IllegalArgumentException(field + " holds no addresses");
        };
        return list.stream();
    }

    private static Stream<String> texts(RuleCondition condition, ParsedEmail email) {
        return switch (condition.field()) {
            case SUBJECT -> Stream.of(email.subject());
            case BODY -> Stream.of(email.body().text());
            case HEADER -> email.headers().values(condition.headerName()).stream();
            default -> throw new IllegalArgumentException(condition.field() + " holds addresses");
        };
    }

    private static boolean matchesAddress(RuleCondition condition, EmailAddress address) {
        return switch (condition.operator()) {
            case EQUALS -> address.hasAddress(condition.value());
            case DOMAIN_IS -> isInDomain(address.domain(), condition.value());
            default -> matchesText(condition.operator(), condition.value(), address.toDisplayString());
        };
    }

    private static boolean matchesText(ConditionOperator operator, String value, String text) {
        return switch (operator) {
            case CONTAINS -> lower(RegexBudget.clip(text)).contains(lower(value));
            case EQUALS -> text.strip().equalsIgnoreCase(value.strip());
            case REGEX -> RegexBudget.find(compile(value), text);
            case DOMAIN_IS -> throw new IllegalArgumentException("DOMAIN_IS applies to address fields only");
        };
    }

    /** The domain itself or any subdomain of it, like a domain entry of the sender filter. */
    private static boolean isInDomain(String domain, String wanted) {
        String key = lower(wanted.strip());
        key = key.startsWith("@") ? key.substring(1) : key;
        return !key.isEmpty() && (domain.equals(key) || domain.endsWith("." + key));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
