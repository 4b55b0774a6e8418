package dev.mailroom.outgoing.outbox;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/outbox")
@Tag(name = "Outbox", description = "Notifications waiting to be sent, being sent, or done, with each recipient's outcome")
class OutboxController {

    private final OutboxAdministration outbox;

    OutboxController(OutboxAdministration outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Outbox emails, newest first; filter by state (PENDING, SENDING, DONE) and ticket (id or display id)")
    PageResponse<OutboxEmailView> search(@RequestParam(required = false) String state,
            @RequestParam(required = false) String ticket, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return outbox.search(state, ticket, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One outbox email with its recipients' states, attempts, last error and next attempt")
    OutboxEmailView get(@PathVariable long id) {
        return outbox.get(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send again to the recipients that failed, with a fresh retry window (after fixing the server)")
    OutboxEmailView retry(@PathVariable long id) {
        return outbox.retry(id);
    }
}
