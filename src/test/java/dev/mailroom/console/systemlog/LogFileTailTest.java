package dev.mailroom.console.systemlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Reading warnings and errors from the end of the log file, however long it is. */
class LogFileTailTest {

    @TempDir
    Path dir;

    @Test
    void warningsAndErrorsNewestFirstWithTheLinesThatFollowThem() {
        var entries = LogFileTail.entries(List.of(
                "2026-12-08T14:00:00.000Z  INFO 1 --- [mailroom] [main] a.B : started",
                "2026-12-08T14:01:00.000Z  WARN 1 --- [mailroom] [main] a.B : first warning",
                "2026-12-08T14:02:00.000+01:00 ERROR 1 --- [mailroom] [main] a.B : it broke",
                "java.lang.IllegalStateException: boom",
                "\tat a.B.c(B.java:1)",
                "2026-12-08T14:03:00.000Z  INFO 1 --- [mailroom] [main] a.B : not shown",
                "\tnot shown either"));

        assertThat(entries).extracting(LogFileTail.Entry::level).containsExactly("ERROR", "WARN");
        assertThat(entries.get(0).time()).isEqualTo("2026-12-08T14:02:00.000+01:00");
        assertThat(entries.get(0).text()).endsWith("it broke");
        assertThat(entries.get(0).detail()).containsExactly("java.lang.IllegalStateException: boom", "\tat a.B.c(B.java:1)");
    }

    @Test
    void onlyTheTailOfALargeFileIsReadAndAtMost200Entries() throws Exception {
        Path file = dir.resolve("mailroom.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("2026-12-08T14:00:00.000Z  WARN 1 --- [mailroom] [main] a.B : warning number ").append(i).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(LogFileTail.TAIL_BYTES);

        var tail = new LogFileTail(new MockEnvironment().withProperty("logging.file.name", file.toString())).read();

        assertThat(tail.exists()).isTrue();
        assertThat(tail.entries()).hasSize(200);
        assertThat(tail.entries().get(0).text()).endsWith("warning number 29999");
    }

    @Test
    void fileLoggingOffIsNoFile() throws Exception {
        var tail = new LogFileTail(new MockEnvironment().withProperty("logging.file.name", "")).read();

        assertThat(tail.file()).isEmpty();
        assertThat(tail.entries()).isEmpty();
    }
}
