package dev.mailroom.console.incoming;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerRequestValidator;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.incoming.IncomingServerSettings;

/** Saves the Incoming Email Server form under the API's own rules, each refusal reported at its field of the form. */
@Component
class IncomingServerFormSaver {

    private final ApiFormChecks checks;
    private final IncomingServerRequestValidator crossFieldRules;
    private final IncomingServerService servers;

    IncomingServerFormSaver(ApiFormChecks checks, IncomingServerRequestValidator crossFieldRules,
            IncomingServerService servers) {
        this.checks = checks;
        this.crossFieldRules = crossFieldRules;
        this.servers = servers;
    }

    /** The saved server, or empty when {@code errors} (which may already hold the form's binding errors) say why not. */
    Optional<IncomingServer> save(Long id, IncomingServerForm form, BindingResult errors) {
        IncomingServerSettings saved = id == null ? null : servers.get(id).settings();
        IncomingServerRequest request = form.toRequest(saved);
        return checks.save(request, crossFieldRules, errors,
                () -> id == null ? servers.create(request) : servers.update(id, request));
    }
}
