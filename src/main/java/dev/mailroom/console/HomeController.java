package dev.mailroom.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front door: admins start at the Email Audit, technicians at their tickets. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        return ConsoleUser.of(authentication).admin() ? "redirect:/admin/email-audit" : "redirect:/tickets";
    }
}
