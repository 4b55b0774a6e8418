package dev.mailroom.console.audit;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.console.Htmx;
import dev.mailroom.intake.BulkReprocessing;
import dev.mailroom.web.BadRequestException;

/**
 * "Reprocess all" of an Email Audit filter on RECEIVED IGNORED or PROCESSED FAILED: a confirmation naming how many
 * emails, then a background run whose page polls its progress with htmx (every second, until it is finished).
 */
@Controller
@RequestMapping(EmailAuditReprocessAllController.PATH)
class EmailAuditReprocessAllController {

    static final String PATH = "/admin/email-audit/reprocess-all";
    private static final String VIEW = "console/audit/reprocess-all";

    private final AuditLog audit;
    private final BulkReprocessing bulk;
    private final ConsoleTimes times;

    EmailAuditReprocessAllController(AuditLog audit, BulkReprocessing bulk, ConsoleTimes times) {
        this.audit = audit;
        this.bulk = bulk;
        this.times = times;
    }

    /** This console address with the current filter, without its page: the list's link and the confirmation's form. */
    static String withCurrentFilter(String path) {
        UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build(true);
        return current.getQuery() == null ? path : path + "?" + current.getQuery();
    }

    @GetMapping
    String confirm(@ModelAttribute("filter") EmailAuditFilter filter, Model model) {
        List<Long> emails = emailsOf(filter);
        model.addAttribute("emails", emails.size());
        model.addAttribute("action", withCurrentFilter(PATH));
        model.addAttribute("back", withCurrentFilter("/admin/email-audit"));
        return VIEW;
    }

    @PostMapping
    String start(@ModelAttribute("filter") EmailAuditFilter filter, Principal principal) {
        String run = bulk.start(emailsOf(filter), principal.getName());
        return "redirect:" + PATH + "/" + run;
    }

    @GetMapping("/{run}")
    String progress(@PathVariable String run, @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx,
            Model model) {
        model.addAttribute("progress", bulk.progress(run));
        return Htmx.view(htmx, VIEW, "progress");
    }

    private List<Long> emailsOf(EmailAuditFilter filter) {
        if (filter.getStatus() == null || !EmailAuditRerunController.REPROCESSABLE.contains(filter.getStatus())) {
            throw new BadRequestException("status", "Choose the Status RECEIVED IGNORED or PROCESSED FAILED first: only"
                    + " ignored and failed emails are reprocessed");
        }
        if (filter.rangeReversed()) {
            throw new BadRequestException("to", "must be on or after From");
        }
        List<Long> emails = audit.inboundEmailIds(filter.toQuery(times), BulkReprocessing.MAX_EMAILS + 1);
        if (emails.size() > BulkReprocessing.MAX_EMAILS) {
            throw new BadRequestException("status", "The filter matches more than " + BulkReprocessing.MAX_EMAILS
                    + " emails; narrow it (a server, a range of days) and reprocess part by part");
        }
        return emails;
    }
}
