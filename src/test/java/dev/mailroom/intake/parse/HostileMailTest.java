package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mailroom.storage.FileSystemBlobStore;

/**
 * Every generated hostile email through the parser, each within a few seconds: nothing escapes as an exception,
 * what was wrong is listed as a problem, and what is kept in memory stays within {@link ParseLimits}.
 */
class HostileMailTest {

    private static final Duration PER_MESSAGE = Duration.ofSeconds(5);
    private static final ParseLimits LIMITS = ParseLimits.DEFAULT;

    @TempDir
    Path blobs;

    static List<HostileMessages.Case> cases() {
        return HostileMessages.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesWithinItsTimeAndLimits(HostileMessages.Case hostile) throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs), LIMITS);
        ParsedEmail email = assertTimeoutPreemptively(PER_MESSAGE,
                () -> parser.parse(new ByteArrayInputStream(hostile.raw())), hostile.name());

        assertThat(email.subject()).isNotNull();
        assertThat(email.body().text()).isNotNull();
        assertThat(email.body().newText()).isNotNull();
        if (hostile.broken()) {
            assertThat(email.parseProblems()).as("problems listed for " + hostile.name()).isNotEmpty();
        }
        assertThat(utf8(email.body().text())).isLessThanOrEqualTo(LIMITS.maxTextBytes() * 3L);
        if (email.body().html() != null) {
            assertThat(utf8(email.body().html())).isLessThanOrEqualTo(LIMITS.maxHtmlBytes() * 3L);
        }
        for (Header header : email.headers().all()) {
            assertThat(utf8(header.value())).as(header.name()).isLessThanOrEqualTo(LIMITS.maxHeaderFieldBytes());
        }
        assertThat(email.headers().all().size()).isLessThanOrEqualTo(LIMITS.maxHeaderCount());
    }

    /** Regression: 10,000 nested multiparts overflowed the stack inside mime4j's chain of boundary streams. */
    @org.junit.jupiter.api.Test
    void deepNestingEndsTheWalkWithAProblemInsteadOfAStackOverflow() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs), LIMITS);
        HostileMessages.Case deep = cases().stream().filter(c -> c.name().equals("10,000 nested parts")).findFirst()
                .orElseThrow();
        ParsedEmail email = assertTimeoutPreemptively(PER_MESSAGE, () -> parser.parse(new ByteArrayInputStream(deep.raw())));
        assertThat(email.subject()).isEqualTo("Deep");
        assertThat(email.parseProblems()).anyMatch(p -> p.contains("nested deeper than " + MimeWalker.MAX_NESTING));
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
