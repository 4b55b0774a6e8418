package dev.mailroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's problem page (ConsoleErrors): its title in words, unknown addresses, filter values in words. */
@ConsoleTest
class ConsoleProblemPageTest {

    @Autowired
    AdminPages pages;

    @Test
    void aProblemPageShowsItsTitleNotTheTemplatesMarkup() throws Exception {
        Document page = pages.get("/admin/email-audit/987654321", 404);

        assertThat(page.title()).isEqualTo("Not found · Mailroom");
        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("#problem").text()).contains("987654321", "does not exist");
        assertThat(page.html()).doesNotContain("th:text", "${title}");
    }

    @Test
    void anUnknownConsoleAddressIsANotFoundPage() throws Exception {
        Document page = pages.get("/admin/outgoing-email-servers/nothing/here", 404);

        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("#problem").text())
                .isEqualTo("The page /admin/outgoing-email-servers/nothing/here does not exist");
        assertThat(pages.get("/tickets/INC-1/nowhere/at-all", 404).select("h1").text()).isEqualTo("Not found");
    }

    @Test
    void aFilterValueOfTheWrongKindIsSaidInWords() throws Exception {
        Document page = pages.get("/admin/email-audit?status=FOO", 400);

        assertThat(page.select("#problem-status").text()).startsWith("FOO is not an audit status; choose one of RECEIVED, ")
                .contains("SEND_FAILED", "SEND_DEFERRED");
        assertThat(page.text()).doesNotContain("Failed to convert", "java.lang", "AuditStatus");
        assertThat(pages.get("/admin/email-audit?event=SIDEWAYS", 400).select("#problem-event").text())
                .isEqualTo("SIDEWAYS is not an audit event; choose INCOMING or OUTGOING");
        assertThat(pages.get("/admin/email-audit?from=soon", 400).select("label:has(#from) .field-error").text())
                .isEqualTo("soon is not a day; write it as 2026-01-31");
    }
}
