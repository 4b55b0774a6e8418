package dev.mailroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counts.of(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Counts.of(2, "entry", "entries")).isEqualTo("2 entries");
        assertThat(Counts.of(0, "user")).isEqualTo("0 users");
        assertThat(Counts.of(1, "email")).isEqualTo("1 email");
    }
}
