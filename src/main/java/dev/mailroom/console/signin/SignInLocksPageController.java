package dev.mailroom.console.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.security.SignInLimiter;

/**
 * Admin › User Management › Sign-in Locks: the accounts and addresses this node refuses sign-ins for after too many
 * failures, until when, and a button to lift each lock, as {@code GET} and {@code DELETE /api/accounts/sign-in-locks}.
 */
@Controller
@RequestMapping("/admin/sign-in-locks")
class SignInLocksPageController {

    private final SignInLimiter limiter;

    SignInLocksPageController(SignInLimiter limiter) {
        this.limiter = limiter;
    }

    @GetMapping
    String locks(Model model) {
        model.addAttribute("locks", limiter.locks());
        return "console/signin/locks";
    }

    @PostMapping("/unlock")
    String unlock(@RequestParam SignInLimiter.Kind kind, @RequestParam String key, RedirectAttributes redirect) {
        boolean unlocked = kind == SignInLimiter.Kind.ACCOUNT ? limiter.unlockAccount(key) : limiter.unlockAddress(key);
        String what = (kind == SignInLimiter.Kind.ACCOUNT ? "account " : "address ") + key;
        redirect.addFlashAttribute("message", unlocked ? "Sign-ins for " + what + " are allowed again."
                : "The " + what + " was no longer locked.");
        return "redirect:/admin/sign-in-locks";
    }
}
