package dev.mailroom.console.quarantine;

import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.console.PageLinks;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.PoisonEmail;
import dev.mailroom.intake.PoisonEmails;
import dev.mailroom.intake.loops.Quarantine;
import dev.mailroom.intake.loops.QuarantineKind;
import dev.mailroom.intake.loops.Quarantines;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * Email Audit › Quarantine: the senders and ticket threads the loop breaker quarantined, whose mail is ignored until
 * an admin releases them, as the API's {@code /api/intake/quarantine}; Release after a confirmation page. Below them
 * the poison messages ({@code /api/intake/failed}), retried or deleted by {@link PoisonEmailsPageController}.
 */
@Controller
@RequestMapping(QuarantinePageController.PATH)
class QuarantinePageController {

    static final String PATH = "/admin/email-audit/quarantine";
    static final String VIEW = "console/quarantine/list";

    private final Quarantines quarantines;
    private final PoisonEmails poison;
    private final IncomingServerService servers;

    QuarantinePageController(Quarantines quarantines, PoisonEmails poison, IncomingServerService servers) {
        this.quarantines = quarantines;
        this.poison = poison;
        this.servers = servers;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("quarantines", quarantines.active());
        model.addAttribute("serverNames", serverNames());
        PageResponse<PoisonEmail> failed = poison.list(PageRequest.of(page, null));
        model.addAttribute("poison", failed.items());
        model.addAttribute("paging", PageLinks.of(failed));
        return VIEW;
    }

    @GetMapping("/{id}/release")
    String confirmRelease(@PathVariable long id, Model model) {
        model.addAttribute("quarantine", active(id));
        model.addAttribute("serverNames", serverNames());
        return "console/quarantine/release";
    }

    @PostMapping("/{id}/release")
    String release(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        Quarantine released = quarantines.release(id, principal.getName());
        redirect.addFlashAttribute("done", "Released " + (released.kind() == QuarantineKind.SENDER
                ? released.sender() : "the thread of " + released.ticketDisplayId())
                + ": its mail flows again. Reprocess the emails ignored meanwhile from the Email Audit.");
        return "redirect:" + PATH;
    }

    /** Only an active quarantine is offered for release; a released one is answered as the API does, on the POST. */
    private Quarantine active(long id) {
        return quarantines.active().stream().filter(q -> q.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Active quarantine", id));
    }

    private Map<Long, String> serverNames() {
        return servers.list().stream().collect(Collectors.toMap(IncomingServer::id, IncomingServer::name));
    }
}
