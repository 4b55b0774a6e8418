package dev.mailroom.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mailroom.web.BadRequestException;

class TicketPrefixesTest {

    private final TicketPrefixes prefixes = new TicketPrefixes(new TicketProperties("INC-", List.of("REQ-", "inc-", "P1_")));

    @Test
    void theDefaultPrefixIsAlwaysAllowedAndFirst() {
        assertThat(prefixes.allowed()).containsExactly("INC-", "REQ-", "P1_");
        assertThat(new TicketProperties(null, null).prefixes()).containsExactly("INC-");
        assertThat(new TicketProperties("SR", List.of()).prefixes()).containsExactly("SR");
    }

    @Test
    void aRequestedPrefixTakesTheConfiguredSpelling() {
        assertThat(prefixes.choose(null)).isEqualTo("INC-");
        assertThat(prefixes.choose(" ")).isEqualTo("INC-");
        assertThat(prefixes.choose("req-")).isEqualTo("REQ-");
        assertThatThrownBy(() -> prefixes.choose("CHG-"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("must be one of [INC-, REQ-, P1_]");
    }

    @Test
    void displayIdsSplitBeforeTheTrailingDigits() {
        assertThat(prefixes.parse("INC-7")).contains(new DisplayId("INC-", 7));
        assertThat(prefixes.parse(" inc-42 ")).contains(new DisplayId("INC-", 42));
        assertThat(prefixes.parse("P1_12")).contains(new DisplayId("P1_", 12));
        assertThat(prefixes.parse("OLD-3")).contains(new DisplayId("OLD-", 3));
        assertThat(prefixes.parse("INC-")).isEmpty();
        assertThat(prefixes.parse("42")).isEmpty();
        assertThat(prefixes.parse("INC-12345678901234567890")).isEmpty();
        assertThat(prefixes.parse(null)).isEmpty();
        assertThat(new DisplayId("INC-", 7)).hasToString("INC-7");
    }

    @Test
    void unusablePrefixesStopTheStart() {
        for (String bad : List.of("INC1", "1NC-", "IN C-", "TOO-LONG-FOR-A-PREFIX-", "INC,REQ")) {
            assertThatThrownBy(() -> new TicketProperties(bad, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a usable ticket prefix");
        }
    }
}
