package dev.mailroom.console.incoming;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.connectiontest.ConnectionTester;
import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.console.ConnectionTestPage;
import dev.mailroom.console.Htmx;
import dev.mailroom.incoming.IncomingServerConnections;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerRequestValidator;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.secrets.StoredPasswords;

/**
 * Test Connection of the Incoming Email Server form as it is filled in, nothing saved — as
 * {@code POST /api/incoming-servers/test}: on edit, an empty password borrows the saved one (same host only).
 */
@Controller
@RequestMapping("/admin/incoming-email-servers")
class IncomingServerSettingsTestController {

    private static final ConnectionTestPage PAGE = ConnectionTestPage.INCOMING;

    private final IncomingServerService servers;
    private final IncomingServerConnections connections;
    private final ConnectionTester tester;
    private final ApiFormChecks checks;
    private final IncomingServerRequestValidator crossFieldRules;

    IncomingServerSettingsTestController(IncomingServerService servers, IncomingServerConnections connections,
            ConnectionTester tester, ApiFormChecks checks, IncomingServerRequestValidator crossFieldRules) {
        this.servers = servers;
        this.connections = connections;
        this.tester = tester;
        this.checks = checks;
        this.crossFieldRules = crossFieldRules;
    }

    @PostMapping("/test-settings")
    String testNew(@ModelAttribute("form") IncomingServerForm form, BindingResult errors,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        return test(form.toTestRequest(null, null), form, errors, htmx, model);
    }

    @PostMapping("/{id}/test-settings")
    String testEdited(@PathVariable long id, @ModelAttribute("form") IncomingServerForm form, BindingResult errors,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        IncomingServerSettings saved = servers.get(id).settings();
        return test(form.toTestRequest(id, saved), form, errors, htmx, model);
    }

    private String test(IncomingServerRequest request, IncomingServerForm form, BindingResult errors, String htmx,
            Model model) {
        return PAGE.answerUnsaved(htmx, model, form.getName(), checks.check(request, crossFieldRules, errors), errors,
                () -> tester.test(StoredPasswords.decrypted(() -> connections.ofUnsaved(request))));
    }
}
