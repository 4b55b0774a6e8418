package dev.mailroom.intake.preference;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/email-preference")
@Tag(name = "Email Preference", description = "Guest ticket creation, Use Reply-To email address, Email-to-Request (admin only)")
class EmailPreferenceController {

    record Change(@NotNull Boolean guestTicketCreation, @NotNull Boolean useReplyToAddress, @NotNull Boolean emailToRequest) {
    }

    private final EmailPreferenceRepository preferences;

    EmailPreferenceController(EmailPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    EmailPreference get() {
        return preferences.current();
    }

    @PutMapping
    @Transactional
    @Operation(summary = "Change the Email Preference; emails are judged by the preference in force when they arrive")
    EmailPreference put(@Valid @RequestBody Change change, Principal principal) {
        preferences.save(change.guestTicketCreation(), change.useReplyToAddress(), change.emailToRequest(), principal.getName());
        return preferences.current();
    }
}
