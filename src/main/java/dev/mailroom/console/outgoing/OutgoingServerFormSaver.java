package dev.mailroom.console.outgoing;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRequest;
import dev.mailroom.outgoing.OutgoingServerRequestValidator;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.platform.ByteSizes;

/** Saves the Outgoing Email Server form under the API's own rules, each refusal reported at its field of the form. */
@Component
class OutgoingServerFormSaver {

    private final ApiFormChecks checks;
    private final OutgoingServerRequestValidator crossFieldRules;
    private final OutgoingServerService servers;

    OutgoingServerFormSaver(ApiFormChecks checks, OutgoingServerRequestValidator crossFieldRules,
            OutgoingServerService servers) {
        this.checks = checks;
        this.crossFieldRules = crossFieldRules;
        this.servers = servers;
    }

    /** The saved server, or empty when {@code errors} (which may already hold the form's binding errors) say why not. */
    Optional<OutgoingServer> save(Long id, OutgoingServerForm form, BindingResult errors) {
        if (!form.maxAttachmentSizeInRange()) {
            errors.rejectValue("maxAttachmentMegabytes", "invalid", "must be between "
                    + ByteSizes.words(OutgoingServerForm.MIN_MB.multiply(OutgoingServerForm.BYTES_PER_MB).longValue())
                    + " and " + OutgoingServerForm.MAX_MB + " MB");
        }
        OutgoingServerRequest request = form.toRequest();
        return checks.save(request, crossFieldRules, errors,
                () -> id == null ? servers.create(request) : servers.update(id, request));
    }
}
