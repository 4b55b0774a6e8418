package dev.mailroom.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.console.ConsoleTimes;

/** The Email Audit's volume by status per day: the counts of the entries in the filter's days, in the console's zone. */
@ConsoleTest
class ConsoleEmailAuditVolumeTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 9);
    private static final LocalDate SECOND = FIRST.plusDays(1);

    @Autowired
    AdminPages pages;
    @Autowired
    AuditLog audit;
    @Autowired
    ConsoleTimes times;

    @Test
    void eachDayCountsItsEntriesPerStatus() throws Exception {
        String sender = "volume-" + UUID.randomUUID() + "@customer.test";
        record(sender, AuditStatus.SENT, times.startOf(FIRST), 3);
        record(sender, AuditStatus.SEND_FAILED, times.startOf(FIRST).plusSeconds(23 * 3600 + 3599), 2);
        record(sender, AuditStatus.SENT, times.startOf(SECOND).plusSeconds(12 * 3600), 1);
        record(sender, AuditStatus.SENT, times.endOf(SECOND), 4);
        record("someone-else@customer.test", AuditStatus.SENT, times.startOf(FIRST).plusSeconds(60), 1);

        Document page = pages.get("/admin/email-audit?sender=" + sender + "&from=" + FIRST + "&to=" + SECOND);

        Element chart = page.selectFirst("#volume");
        assertThat(chart.select("summary").text()).startsWith("Volume by status per day, 2026-03-09 to 2026-03-10");
        assertThat(chart.select("tr[data-day]").eachAttr("data-day")).containsExactly("2026-03-09", "2026-03-10");
        Element first = chart.selectFirst("tr[data-day=2026-03-09]");
        assertThat(first.select(".segment[data-status=SENT]").text()).isEqualTo("3");
        assertThat(first.select(".segment[data-status=SEND_FAILED]").text()).isEqualTo("2");
        assertThat(first.select(".total").text()).isEqualTo("5");
        assertThat(first.select(".segment[data-status=SENT]").attr("style")).startsWith("width: 60.00%;");
        Element second = chart.selectFirst("tr[data-day=2026-03-10]");
        assertThat(second.select(".segment").eachAttr("data-status")).containsExactly("SENT");
        assertThat(second.select(".total").text()).isEqualTo("1");
        assertThat(chart.select(".volume-legend li[data-status=SENT] strong").text()).isEqualTo("4");
        assertThat(chart.select(".volume-legend li[data-status=SEND_FAILED] strong").text()).isEqualTo("2");
    }

    @Test
    void withoutARangeTheLastFourteenDaysAreShown() throws Exception {
        Document page = pages.get("/admin/email-audit?sender=nobody-" + UUID.randomUUID());

        LocalDate today = LocalDate.now(times.zone());
        assertThat(page.select("#volume summary").text())
                .startsWith("Volume by status per day, " + today.minusDays(13) + " to " + today);
        assertThat(page.select("#volume .volume-legend").text()).isEqualTo("No audit entries in these days.");
    }

    private void record(String sender, AuditStatus status, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            audit.record(NewAuditEntry.of(status).occurredAt(at).email("<" + UUID.randomUUID() + "@x>", sender,
                    "requester@customer.test", "Volume"));
        }
    }
}
