package dev.mailroom.console.preference;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.intake.preference.EmailPreferenceRepository;

/**
 * Admin › Support Channels › Emails › Email Preference: guest ticket creation, Use Reply-To email address and
 * Email-to-Request, as {@code /api/email-preference} changes them. Emails are judged by the preference in force when
 * they arrive; one judged before a change is reprocessed from its Email Audit entry.
 */
@Controller
@RequestMapping("/admin/email-preference")
class EmailPreferencePageController {

    private final EmailPreferenceRepository preferences;

    EmailPreferencePageController(EmailPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("preference", preferences.current());
        return "console/preference/email-preference";
    }

    /** An unticked checkbox sends nothing, so a missing value means off. */
    @PostMapping
    String change(@RequestParam(defaultValue = "false") boolean guestTicketCreation,
            @RequestParam(defaultValue = "false") boolean useReplyToAddress,
            @RequestParam(defaultValue = "false") boolean emailToRequest, Principal principal, RedirectAttributes redirect) {
        preferences.save(guestTicketCreation, useReplyToAddress, emailToRequest, principal.getName());
        redirect.addFlashAttribute("saved", "Email Preference saved");
        return "redirect:/admin/email-preference";
    }
}
