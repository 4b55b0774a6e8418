package dev.mailroom.console.rules;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.mailroom.audit.TraceStep;
import dev.mailroom.console.Htmx;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.IntakeOutcome;
import dev.mailroom.intake.IntakeReruns;

/**
 * "Try it": an uploaded {@code .eml} judged as if fetched now (optionally by a chosen server), through the API's dry
 * run; nothing is stored. With htmx only the Try it panel is answered; without it, the whole rules page.
 */
@Controller
@RequestMapping(IncomingRulesPage.PATH)
class IncomingRuleTryController {

    /** The intake stage whose verdict names the rules that fired. */
    static final String RULES_STAGE = "incoming-rules";

    private final IntakeReruns reruns;
    private final IncomingServerService servers;
    private final IncomingRulesPage page;

    IncomingRuleTryController(IntakeReruns reruns, IncomingServerService servers, IncomingRulesPage page) {
        this.reruns = reruns;
        this.servers = servers;
        this.page = page;
    }

    @PostMapping("/try")
    String tryIt(@RequestParam(name = "email", required = false) MultipartFile email,
            @RequestParam(name = "server", required = false) Long serverId,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) throws IOException {
        model.addAttribute("triedServer", serverId);
        if (email == null || email.isEmpty()) {
            model.addAttribute("tryProblem", "Choose an email (.eml file) to try");
        } else {
            if (serverId != null) {
                servers.get(serverId);
            }
            try (InputStream raw = email.getInputStream()) {
                IntakeOutcome outcome = reruns.dryRun(raw, serverId);
                model.addAttribute("tried", outcome);
                model.addAttribute("triedName", email.getOriginalFilename());
                model.addAttribute("rulesFired", outcome.trace().stream().filter(step -> RULES_STAGE.equals(step.stage()))
                        .map(TraceStep::detail).findFirst().orElse(null));
            }
        }
        return Htmx.view(htmx, page.show(model), "try");
    }
}
