package dev.mailroom.console.outgoing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.console.ConnectionTestPage;
import dev.mailroom.console.Htmx;
import dev.mailroom.outgoing.OutgoingServerConnections;
import dev.mailroom.outgoing.OutgoingServerRequest;
import dev.mailroom.outgoing.OutgoingServerRequestValidator;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.outgoing.connectiontest.OutgoingServerTests;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.transport.SmtpConnection;

/**
 * Test Connection of the Outgoing Email Server form as it is filled in, nothing saved — as
 * {@code POST /api/outgoing-servers/test}: on edit, an empty password borrows the saved one (same host only); with a
 * recipient, a test email.
 */
@Controller
@RequestMapping("/admin/outgoing-email-servers")
class OutgoingServerSettingsTestController {

    private static final ConnectionTestPage PAGE = ConnectionTestPage.OUTGOING;

    private final OutgoingServerService servers;
    private final OutgoingServerConnections connections;
    private final OutgoingServerTests tests;
    private final ApiFormChecks checks;
    private final OutgoingServerRequestValidator crossFieldRules;

    OutgoingServerSettingsTestController(OutgoingServerService servers, OutgoingServerConnections connections,
            OutgoingServerTests tests, ApiFormChecks checks, OutgoingServerRequestValidator crossFieldRules) {
        this.servers = servers;
        this.connections = connections;
        this.tests = tests;
        this.checks = checks;
        this.crossFieldRules = crossFieldRules;
    }

    @PostMapping("/test-settings")
    String testNew(@ModelAttribute("form") OutgoingServerForm form, BindingResult errors,
            @RequestParam(required = false) String testRecipient,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        return test(form.toTestRequest(null, blankAsNull(testRecipient)), form, errors, htmx, model);
    }

    @PostMapping("/{id}/test-settings")
    String testEdited(@PathVariable long id, @ModelAttribute("form") OutgoingServerForm form, BindingResult errors,
            @RequestParam(required = false) String testRecipient,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        servers.get(id); // an unknown server is a 404, as its edit page is
        return test(form.toTestRequest(id, blankAsNull(testRecipient)), form, errors, htmx, model);
    }

    private String test(OutgoingServerRequest request, OutgoingServerForm form, BindingResult errors, String htmx,
            Model model) {
        return PAGE.answerUnsaved(htmx, model, form.getName(), checks.check(request, crossFieldRules, errors), errors, () -> {
            OutgoingServerSettings settings = request.toSettings(false);
            SmtpConnection connection = StoredPasswords.decrypted(() -> connections.ofUnsaved(request, settings));
            return tests.test(request.id(), settings, connection, request.testRecipient());
        });
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
