package dev.mailroom.tickets.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SubjectReferencesTest {

    private static final List<String> PREFIXES = List.of("INC-", "REQ-");

    @Test
    void findsTheFormsMailClientsAndPeopleLeave() {
        assertThat(ids("[INC-42] Printer on fire")).containsExactly("INC-42");
        assertThat(ids("Re: AW: Printer on fire (inc-42)")).containsExactly("INC-42");
        assertThat(ids("RE: INC-42")).containsExactly("INC-42");
        assertThat(ids("Re: [REQ-17] and also INC-3, INC-42, inc-3")).containsExactly("REQ-17", "INC-3", "INC-42");
    }

    @Test
    void onlyWholeWordsCount() {
        assertThat(ids("XINC-42 is not a reference")).isEmpty();
        assertThat(ids("INC-42a nor this")).isEmpty();
        assertThat(ids("INC- 42 nor this")).isEmpty();
        assertThat(ids("PINC-42_x nor this")).isEmpty();
        assertThat(ids("")).isEmpty();
        assertThat(SubjectReferences.find("[INC-42]", List.of())).isEmpty();
    }

    @Test
    void reportsThePrefixInTheGivenSpelling() {
        assertThat(SubjectReferences.find("re: req-17", PREFIXES)).containsExactly(new SubjectReference("REQ-", 17));
    }

    private static List<String> ids(String subject) {
        return SubjectReferences.find(subject, PREFIXES).stream().map(SubjectReference::displayId).toList();
    }
}
