package dev.mailroom.security;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Operator accounts: who may sign in, and as admin or technician. Passwords are write-only. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "Operators who sign in to Mailroom (admin only, except /me)")
class AccountController {

    record AccountView(long id, String username, Role role, boolean enabled, Instant createdAt) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.username(), account.role(), account.enabled(), account.createdAt());
        }
    }

    record CreateAccount(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only") String username,
            @NotBlank @Size(min = 8, max = 200) String password,
            @NotNull Role role) {
    }

    record UpdateAccount(@Size(min = 8, max = 200) String password, Role role, Boolean enabled) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    AccountController(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    AccountView me(Principal principal) {
        return accounts.findByUsername(principal.getName()).map(AccountView::of)
                .orElseThrow(() -> new NotFoundException("Account", principal.getName()));
    }

    @GetMapping
    List<AccountView> list() {
        return accounts.findAll().stream().map(AccountView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody CreateAccount request) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("username", "An account named " + request.username() + " already exists");
        }
        return AccountView.of(accounts.insert(request.username().trim(), passwordEncoder.encode(request.password()),
                request.role(), true));
    }

    @PatchMapping("/{id}")
    AccountView update(@PathVariable long id, @Valid @RequestBody UpdateAccount request) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
        Account updated = new Account(account.id(), account.username(),
                request.password() == null ? account.passwordHash() : passwordEncoder.encode(request.password()),
                request.role() == null ? account.role() : request.role(),
                request.enabled() == null ? account.enabled() : request.enabled(),
                account.createdAt());
        accounts.update(updated);
        return AccountView.of(updated);
    }
}
