package dev.mailroom.console.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditEvent;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.console.PageLinks;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * Admin › Organization › Security › Email Audit: the entries, newest first, through the API's own search, and their
 * volume by status per day.
 */
@Controller
@RequestMapping("/admin/email-audit")
class EmailAuditListController {

    private final AuditLog audit;
    private final AuditServerChoices servers;
    private final ConsoleTimes times;
    private final AuditVolumeCharts charts;

    EmailAuditListController(AuditLog audit, AuditServerChoices servers, ConsoleTimes times, AuditVolumeCharts charts) {
        this.audit = audit;
        this.servers = servers;
        this.times = times;
        this.charts = charts;
    }

    @GetMapping
    String list(@ModelAttribute("filter") EmailAuditFilter filter, BindingResult errors, Model model,
            HttpServletResponse response) {
        if (filter.rangeReversed()) {
            errors.rejectValue("to", "range", "must be on or after From");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), inWords(error)));
        model.addAttribute("filterProblems", problems);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("events", AuditEvent.values());
        model.addAttribute("incomingStatuses", statusesOf(AuditEvent.INCOMING));
        model.addAttribute("outgoingStatuses", statusesOf(AuditEvent.OUTGOING));
        model.addAttribute("servers", servers.all());
        model.addAttribute("zone", times.zone());
        if (!errors.hasErrors()) {
            PageResponse<AuditEntry> page = audit.search(filter.toQuery(times), PageRequest.of(filter.getPage(), null));
            model.addAttribute("entries", page.items());
            model.addAttribute("paging", PageLinks.of(page));
            model.addAttribute("chart", charts.chart(filter));
            if (filter.getStatus() != null && EmailAuditRerunController.REPROCESSABLE.contains(filter.getStatus())
                    && page.totalItems() > 0) {
                model.addAttribute("reprocessAll", EmailAuditReprocessAllController.withCurrentFilter(
                        EmailAuditReprocessAllController.PATH));
            }
        }
        return "console/audit/list";
    }

    /**
     * A filter value of the wrong kind ({@code ?status=FOO}, {@code ?from=soon}) in words, with what may be chosen,
     * never Spring's conversion message.
     */
    static String inWords(FieldError error) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage();
        }
        String value = String.valueOf(error.getRejectedValue());
        return switch (error.getField()) {
            case "status" -> value + " is not an audit status; choose one of " + Arrays.stream(AuditStatus.values())
                    .map(AuditStatus::name).collect(Collectors.joining(", "));
            case "event" -> value + " is not an audit event; choose INCOMING or OUTGOING";
            case "from", "to" -> value + " is not a day; write it as 2026-01-31";
            case "page" -> value + " is not a page number";
            default -> value + " is not a valid " + error.getField();
        };
    }

    private static List<AuditStatus> statusesOf(AuditEvent event) {
        return Arrays.stream(AuditStatus.values()).filter(status -> status.event() == event).toList();
    }
}
