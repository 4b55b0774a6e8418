package dev.mailroom.security;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Current sign-in locks (on this node) and lifting them; admins only, like the rest of {@code /api/accounts}. */
@RestController
@RequestMapping("/api/accounts/sign-in-locks")
class SignInLockController {

    private final SignInLimiter limiter;

    SignInLockController(SignInLimiter limiter) {
        this.limiter = limiter;
    }

    @GetMapping
    List<SignInLimiter.Lock> locks() {
        return limiter.locks();
    }

    /** Lifts the lock of {@code account} or of {@code address}: 204, or 404 if there was no such lock. */
    @DeleteMapping
    ResponseEntity<Void> unlock(@RequestParam(required = false) String account,
            @RequestParam(required = false) String address) {
        if ((account == null) == (address == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give either account or address");
        }
        boolean unlocked = account != null ? limiter.unlockAccount(account) : limiter.unlockAddress(address);
        if (!unlocked) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No current sign-in lock for that "
                    + (account != null ? "account" : "address"));
        }
        return ResponseEntity.noContent().build();
    }
}
