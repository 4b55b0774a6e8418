package dev.mailroom.incoming;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.connectiontest.ConnectionTester;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.web.JsonFieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonFieldErrors
@RequestMapping("/api/incoming-servers")
@Tag(name = "Incoming Email Servers", description = "Mailboxes Mailroom fetches from, and Test Connection (admin only)")
class IncomingServerController {

    private final IncomingServerService servers;
    private final IncomingServerConnections connections;
    private final ConnectionTester tester;
    private final IncomingServerRequestValidator validator;

    IncomingServerController(IncomingServerService servers, IncomingServerConnections connections, ConnectionTester tester,
            IncomingServerRequestValidator validator) {
        this.servers = servers;
        this.connections = connections;
        this.tester = tester;
        this.validator = validator;
    }

    @InitBinder
    void crossFieldRules(WebDataBinder binder) {
        if (binder.getTarget() instanceof IncomingServerRequest) {
            binder.addValidators(validator);
        }
    }

    @GetMapping
    List<IncomingServerView> list() {
        return servers.list().stream().map(IncomingServerView::of).toList();
    }

    @GetMapping("/{id}")
    IncomingServerView get(@PathVariable long id) {
        return IncomingServerView.of(servers.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IncomingServerView create(@Valid @RequestBody IncomingServerRequest request) {
        return IncomingServerView.of(servers.create(request));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a server's settings; leave the password out to keep the stored one")
    IncomingServerView update(@PathVariable long id, @Valid @RequestBody IncomingServerRequest request) {
        return IncomingServerView.of(servers.update(id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        servers.delete(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test Connection of a saved server: DNS, TCP, TLS/STARTTLS, login, folder")
    ConnectionTestResult testSaved(@PathVariable long id) {
        return tester.test(StoredPasswords.decrypted(() -> connections.of(servers.get(id))));
    }

    @PostMapping("/test")
    @Operation(summary = "Test Connection of a configuration before saving it (with an id and no password, the saved "
            + "server's password is used)")
    ConnectionTestResult testUnsaved(@Valid @RequestBody IncomingServerRequest request) {
        return tester.test(StoredPasswords.decrypted(() -> connections.ofUnsaved(request)));
    }
}
