package dev.mailroom.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.storage.FileSystemBlobStore;

/** Conditions against a real parsed email: each field and operator, case-insensitivity, ALL vs ANY, hostile input. */
class RuleMatchingTest {

    @TempDir
    Path blobs;

    ParsedEmail email;

    @BeforeEach
    void parseEmail() throws IOException {
        email = parse("""
                From: "Weekly News" <News@Letters.Example.COM>
                To: Service Desk <desk@example.com>, Second <second@other.test>
                Cc: Boss <boss@corp.test>
                Subject: Your WEEKLY digest: Printer tips
                X-Mailer: MassMail 2.0
                X-Tag: first
                X-Tag: Second-Value
                Message-ID: <digest-1@letters.example.com>

                Hello reader,
                to unsubscribe click here.
                """);
    }

    @Test
    void fromMatchesNameAndAddress() {
        assertThat(matches(ConditionField.FROM, ConditionOperator.CONTAINS, "weekly news")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.CONTAINS, "@LETTERS.example")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.EQUALS, "news@letters.example.com")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.EQUALS, "NEWS@letters.EXAMPLE.com ")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.EQUALS, "Weekly News")).as("EQUALS compares the address").isFalse();
        assertThat(matches(ConditionField.FROM, ConditionOperator.REGEX, "^weekly news <news@")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.CONTAINS, "desk")).isFalse();
    }

    @Test
    void domainIsAcceptsTheDomainAndItsSubdomainsOnly() {
        assertThat(matches(ConditionField.FROM, ConditionOperator.DOMAIN_IS, "letters.example.com")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.DOMAIN_IS, "Example.com")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.DOMAIN_IS, "@example.com")).isTrue();
        assertThat(matches(ConditionField.FROM, ConditionOperator.DOMAIN_IS, "ample.com")).isFalse();
        assertThat(matches(ConditionField.FROM, ConditionOperator.DOMAIN_IS, "example.co")).isFalse();
    }

    @Test
    void toAndCcMatchAnyOfTheirAddresses() {
        assertThat(matches(ConditionField.TO, ConditionOperator.EQUALS, "second@other.test")).isTrue();
        assertThat(matches(ConditionField.TO, ConditionOperator.DOMAIN_IS, "other.test")).isTrue();
        assertThat(matches(ConditionField.TO, ConditionOperator.CONTAINS, "service desk")).isTrue();
        assertThat(matches(ConditionField.TO, ConditionOperator.EQUALS, "boss@corp.test")).isFalse();
        assertThat(matches(ConditionField.CC, ConditionOperator.EQUALS, "BOSS@corp.test")).isTrue();
        assertThat(matches(ConditionField.CC, ConditionOperator.DOMAIN_IS, "example.com")).isFalse();
    }

    @Test
    void subjectAndBodyIgnoreCase() {
        assertThat(matches(ConditionField.SUBJECT, ConditionOperator.CONTAINS, "weekly Digest")).isTrue();
        assertThat(matches(ConditionField.SUBJECT, ConditionOperator.EQUALS, "your weekly digest: printer tips")).isTrue();
        assertThat(matches(ConditionField.SUBJECT, ConditionOperator.EQUALS, "weekly digest")).isFalse();
        assertThat(matches(ConditionField.SUBJECT, ConditionOperator.REGEX, "digest:\\s+PRINTER")).isTrue();
        assertThat(matches(ConditionField.SUBJECT, ConditionOperator.REGEX, "^digest")).isFalse();
        assertThat(matches(ConditionField.BODY, ConditionOperator.CONTAINS, "UNSUBSCRIBE")).isTrue();
        assertThat(matches(ConditionField.BODY, ConditionOperator.REGEX, "(?m)^to unsubscribe")).isTrue();
        assertThat(matches(ConditionField.BODY, ConditionOperator.CONTAINS, "password")).isFalse();
    }

    @Test
    void headerMatchesAnyOccurrenceAndAMissingHeaderNothing() {
        assertThat(matchesHeader("x-mailer", ConditionOperator.EQUALS, "massmail 2.0")).isTrue();
        assertThat(matchesHeader("X-Mailer", ConditionOperator.CONTAINS, "MAIL")).isTrue();
        assertThat(matchesHeader("X-Tag", ConditionOperator.EQUALS, "second-value")).isTrue();
        assertThat(matchesHeader("X-Tag", ConditionOperator.REGEX, "^fir")).isTrue();
        assertThat(matchesHeader("X-Absent", ConditionOperator.CONTAINS, "a")).isFalse();
        assertThat(matchesHeader("X-Absent", ConditionOperator.REGEX, ".*")).as("a missing header matches nothing").isFalse();
    }

    @Test
    void allNeedsEveryConditionAnyNeedsOne() {
        var subject = condition(ConditionField.SUBJECT, ConditionOperator.CONTAINS, "digest");
        var cc = condition(ConditionField.CC, ConditionOperator.EQUALS, "someone-else@corp.test");

        assertThat(RuleMatcher.matches(rule(MatchMode.ALL, subject, cc), email)).isFalse();
        assertThat(RuleMatcher.matches(rule(MatchMode.ANY, subject, cc), email)).isTrue();
        assertThat(RuleMatcher.matches(rule(MatchMode.ALL, subject), email)).isTrue();
        assertThat(RuleMatcher.matches(rule(MatchMode.ANY, cc), email)).isFalse();
    }

    @Test
    void anEmailWithoutCcOrSubjectMatchesNoConditionOnThem() throws IOException {
        ParsedEmail bare = parse("""
                From: someone@example.com
                To: desk@example.com

                hi
                """);
        assertThat(ConditionMatcher.matches(condition(ConditionField.CC, ConditionOperator.CONTAINS, "@"), bare)).isFalse();
        assertThat(ConditionMatcher.matches(condition(ConditionField.SUBJECT, ConditionOperator.CONTAINS, "x"), bare)).isFalse();
        assertThat(ConditionMatcher.matches(condition(ConditionField.SUBJECT, ConditionOperator.REGEX, "^$"), bare))
                .as("a missing subject reads as empty").isTrue();
    }

    @Test
    void aCatastrophicRegexGivesUpQuicklyInsteadOfHanging() throws IOException {
        ParsedEmail hostile = parse("From: a@example.com\nTo: desk@example.com\nSubject: x\n\n" + "x".repeat(5000) + "\n");
        // Nested quantifiers that Java's regex engine cannot shortcut: exponential backtracking without the budget.
        var evil = condition(ConditionField.BODY, ConditionOperator.REGEX, "(x+x+)+y");

        long started = System.nanoTime();
        assertThatThrownBy(() -> ConditionMatcher.matches(evil, hostile)).isInstanceOf(RegexBudget.Exceeded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void onlyTheStartOfAHugeBodyIsSearched() throws IOException {
        ParsedEmail huge = parse("From: a@example.com\nTo: desk@example.com\nSubject: big\n\n"
                + "x".repeat(RegexBudget.MAX_INPUT_CHARS + 100) + " needle\n");
        assertThat(ConditionMatcher.matches(condition(ConditionField.BODY, ConditionOperator.CONTAINS, "needle"), huge)).isFalse();
        assertThat(ConditionMatcher.matches(condition(ConditionField.BODY, ConditionOperator.CONTAINS, "xxx"), huge)).isTrue();
    }

    private boolean matches(ConditionField field, ConditionOperator operator, String value) {
        return ConditionMatcher.matches(condition(field, operator, value), email);
    }

    private boolean matchesHeader(String header, ConditionOperator operator, String value) {
        return ConditionMatcher.matches(new RuleCondition(ConditionField.HEADER, header, operator, value), email);
    }

    private static RuleCondition condition(ConditionField field, ConditionOperator operator, String value) {
        return new RuleCondition(field, null, operator, value);
    }

    private static IncomingRule rule(MatchMode mode, RuleCondition... conditions) {
        return new IncomingRule(1, "test", true, 1, null, mode, List.of(conditions),
                List.of(new RuleAction(ActionType.STOP, null)), null, null);
    }

    private ParsedEmail parse(String message) throws IOException {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        byte[] raw = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return parser.parse(new ByteArrayInputStream(raw));
    }
}
