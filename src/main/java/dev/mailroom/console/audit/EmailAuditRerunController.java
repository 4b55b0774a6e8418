package dev.mailroom.console.audit;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.console.Htmx;
import dev.mailroom.intake.IntakeOutcome;
import dev.mailroom.intake.IntakeReruns;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * Reprocess from an audit entry, as the API's {@code /api/intake/emails/{id}/preview} and {@code /reprocess} do: first
 * the outcome the email would get now (nothing changes), then, confirmed, the real run. With htmx only the Reprocess
 * panel is answered; without it, the whole entry page.
 */
@Controller
@RequestMapping("/admin/email-audit/{id}")
class EmailAuditRerunController {

    /** The outcomes an admin fixes the configuration for; the intake refuses the others with its own reason. */
    static final Set<AuditStatus> REPROCESSABLE = EnumSet.of(AuditStatus.RECEIVED_IGNORED, AuditStatus.PROCESSED_FAILED);

    static boolean offersReprocess(AuditEntry entry) {
        return entry.inboundEmailId() != null && entry.rawAvailable() && REPROCESSABLE.contains(entry.status());
    }

    private final AuditLog audit;
    private final IntakeReruns reruns;

    EmailAuditRerunController(AuditLog audit, IntakeReruns reruns) {
        this.audit = audit;
        this.reruns = reruns;
    }

    @PostMapping("/preview")
    String preview(@PathVariable long id, @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        return rerun(id, htmx, model, "preview", false);
    }

    @PostMapping("/reprocess")
    String reprocess(@PathVariable long id, @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        return rerun(id, htmx, model, "reprocessed", true);
    }

    private String rerun(long id, String htmx, Model model, String outcomeName, boolean forReal) {
        AuditEntry entry = audit.find(id).orElseThrow(() -> new NotFoundException("Audit entry", id));
        model.addAttribute("entry", entry);
        model.addAttribute("reprocessable", offersReprocess(entry));
        if (entry.inboundEmailId() == null) {
            model.addAttribute("rerunProblem", "This entry is not about a fetched email, so there is nothing to reprocess");
        } else {
            try {
                IntakeOutcome outcome = forReal ? reruns.reprocess(entry.inboundEmailId()) : reruns.preview(entry.inboundEmailId());
                model.addAttribute(outcomeName, outcome);
            } catch (ConflictException e) {
                // answered in the panel (htmx swaps only successful answers), e.g. "… is PROCESSED; only IGNORED or FAILED …"
                model.addAttribute("rerunProblem", e.getMessage());
            }
        }
        return Htmx.view(htmx, EmailAuditDetailController.VIEW, "rerun");
    }
}
