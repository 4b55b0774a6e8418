package dev.mailroom.console.quarantine;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.console.Htmx;
import dev.mailroom.intake.IntakeOutcome;
import dev.mailroom.intake.IntakeReruns;
import dev.mailroom.intake.PoisonEmails;
import dev.mailroom.web.ConflictException;

/**
 * The poison messages of Email Audit › Quarantine: Retry judges the email again at once (its row answers with the
 * outcome under htmx), Delete discards it after a confirmation page; as {@code /api/intake/emails/{id}/reprocess} and
 * {@code /discard}, each with its audit entry.
 */
@Controller
@RequestMapping(QuarantinePageController.PATH + "/emails/{id}")
class PoisonEmailsPageController {

    private final IntakeReruns reruns;
    private final PoisonEmails poison;

    PoisonEmailsPageController(IntakeReruns reruns, PoisonEmails poison) {
        this.reruns = reruns;
        this.poison = poison;
    }

    @PostMapping("/retry")
    String retry(@PathVariable long id, @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        String problem = null;
        IntakeOutcome outcome = null;
        try {
            outcome = reruns.reprocess(id);
        } catch (ConflictException e) {
            problem = e.getMessage();
        }
        if (htmx != null) {
            model.addAttribute("retriedId", id);
            model.addAttribute("retried", outcome);
            model.addAttribute("retryProblem", problem);
            return QuarantinePageController.VIEW + " :: retried";
        }
        redirect.addFlashAttribute(problem == null ? "done" : "problem", problem == null
                ? "Retried email #" + id + ": " + outcome.status().label() + " " + outcome.message() : problem);
        return "redirect:" + QuarantinePageController.PATH;
    }

    @GetMapping("/discard")
    String confirmDiscard(@PathVariable long id, Model model) {
        model.addAttribute("email", poison.get(id));
        return "console/quarantine/discard";
    }

    @PostMapping("/discard")
    String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        poison.discard(id, principal.getName());
        redirect.addFlashAttribute("done", "Deleted email #" + id
                + ": it will not be processed again. Its audit entries and raw email stay in the Email Audit.");
        return "redirect:" + QuarantinePageController.PATH;
    }
}
