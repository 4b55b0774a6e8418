package dev.mailroom.intake.loops;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/intake/quarantine")
@Tag(name = "Mail loop quarantine", description = "Senders and ticket threads whose mail is ignored as a suspected mail loop (admin only)")
class QuarantineController {

    private final Quarantines quarantines;

    QuarantineController(Quarantines quarantines) {
        this.quarantines = quarantines;
    }

    @GetMapping
    @Operation(summary = "Active quarantines, newest first")
    List<Quarantine> active() {
        return quarantines.active();
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Let the sender's or thread's mail flow again; counting restarts now. Reprocess the emails ignored meanwhile to make their tickets or replies")
    Quarantine release(@PathVariable long id, Principal principal) {
        return quarantines.release(id, principal.getName());
    }
}
