package dev.mailroom.lookups;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(TechnicianGroupController.PATH)
@Tag(name = "Technician groups", description = "Teams tickets are assigned to")
class TechnicianGroupController extends LookupController {

    static final String PATH = "/api/groups";

    TechnicianGroupController(LookupService lookups) {
        super(lookups, LookupKind.TECHNICIAN_GROUP, PATH);
    }
}
