package dev.mailroom.outgoing.recipients;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/recipient-suppressions")
@Tag(name = "Recipient suppressions", description = "Addresses marked undeliverable by a permanent bounce")
class UndeliverableAddressController {

    private final UndeliverableAddresses undeliverable;

    UndeliverableAddressController(UndeliverableAddresses undeliverable) {
        this.undeliverable = undeliverable;
    }

    @GetMapping
    @Operation(summary = "Addresses notifications are not sent to, newest first, with the reason")
    List<UndeliverableAddress> list() {
        return undeliverable.list();
    }

    @DeleteMapping
    @Operation(summary = "Send to this address again (after the requester fixed their mailbox)")
    ResponseEntity<Void> release(@RequestParam String address) {
        if (!undeliverable.release(address)) {
            throw new NotFoundException("Recipient suppression", address);
        }
        return ResponseEntity.noContent().build();
    }
}
