package dev.mailroom.console.incoming;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupService;
import dev.mailroom.outgoing.OutgoingServerService;

/** What the Incoming Email Server form's selects offer: technician groups, categories and outgoing servers by name. */
@Component
class IncomingServerFormChoices {

    private final LookupService lookups;
    private final OutgoingServerService outgoingServers;

    IncomingServerFormChoices(LookupService lookups, OutgoingServerService outgoingServers) {
        this.lookups = lookups;
        this.outgoingServers = outgoingServers;
    }

    void addTo(Model model) {
        model.addAttribute("technicianGroups", lookups.list(LookupKind.TECHNICIAN_GROUP));
        model.addAttribute("categories", lookups.list(LookupKind.CATEGORY));
        model.addAttribute("outgoingServers", outgoingServers.list());
    }
}
