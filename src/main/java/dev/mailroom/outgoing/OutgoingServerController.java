package dev.mailroom.outgoing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.outgoing.connectiontest.OutgoingServerTests;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.JsonFieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonFieldErrors
@RequestMapping("/api/outgoing-servers")
@Tag(name = "Outgoing Email Servers", description = "SMTP servers the desk's notifications go out through (admin only)")
class OutgoingServerController {

    private final OutgoingServerService servers;
    private final OutgoingServerConnections connections;
    private final OutgoingServerTests tests;
    private final OutgoingServerRequestValidator validator;

    OutgoingServerController(OutgoingServerService servers, OutgoingServerConnections connections,
            OutgoingServerTests tests, OutgoingServerRequestValidator validator) {
        this.servers = servers;
        this.connections = connections;
        this.tests = tests;
        this.validator = validator;
    }

    /** The optional body of a saved server's Test Connection. */
    record TestRequest(@Size(max = 320, message = "must be at most {max} characters") String testRecipient) {
    }

    @InitBinder
    void crossFieldRules(WebDataBinder binder) {
        if (binder.getTarget() instanceof OutgoingServerRequest) {
            binder.addValidators(validator);
        }
    }

    @GetMapping
    List<OutgoingServerView> list() {
        return servers.list().stream().map(server -> OutgoingServerView.of(server, servers)).toList();
    }

    @GetMapping("/{id}")
    OutgoingServerView get(@PathVariable long id) {
        return OutgoingServerView.of(servers.get(id), servers);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an outgoing server; the first one becomes the default")
    OutgoingServerView create(@Valid @RequestBody OutgoingServerRequest request) {
        return OutgoingServerView.of(servers.create(request), servers);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a server's settings; leave the password out to keep the stored one")
    OutgoingServerView update(@PathVariable long id, @Valid @RequestBody OutgoingServerRequest request) {
        return OutgoingServerView.of(servers.update(id, request), servers);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a server; mailboxes that used it fall back to the default server")
    void delete(@PathVariable long id) {
        servers.delete(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test Connection of a saved server: DNS, TCP, TLS/STARTTLS, EHLO, AUTH, and a test email when "
            + "testRecipient is given")
    ConnectionTestResult testSaved(@PathVariable long id, @Valid @RequestBody(required = false) TestRequest request) {
        String recipient = request == null ? null : request.testRecipient();
        if (recipient != null && !recipient.isBlank() && !AddressSyntax.isAddress(recipient.trim())) {
            throw new BadRequestException("testRecipient", "is not an email address");
        }
        OutgoingServer server = servers.get(id);
        return tests.test(id, server.settings(), StoredPasswords.decrypted(() -> connections.of(server)), recipient);
    }

    @PostMapping("/test")
    @Operation(summary = "Test Connection of a configuration before saving it (with an id and no password, the saved "
            + "server's password is used)")
    ConnectionTestResult testUnsaved(@Valid @RequestBody OutgoingServerRequest request) {
        OutgoingServerSettings settings = request.toSettings(false);
        SmtpConnection connection = StoredPasswords.decrypted(() -> connections.ofUnsaved(request, settings));
        return tests.test(request.id(), settings, connection, request.testRecipient());
    }
}
