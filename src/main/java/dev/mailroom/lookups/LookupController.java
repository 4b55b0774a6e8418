package dev.mailroom.lookups;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The endpoints every lookup has; a subclass per {@link LookupKind} only names its path and its OpenAPI tag.
 * Writes are admin-only (see the security configuration).
 */
abstract class LookupController {

    private final LookupService lookups;
    private final LookupKind kind;
    private final String path;

    LookupController(LookupService lookups, LookupKind kind, String path) {
        this.lookups = lookups;
        this.kind = kind;
        this.path = path;
    }

    @GetMapping
    @Operation(summary = "All entries, sorted by name")
    List<Lookup> list() {
        return lookups.list(kind);
    }

    @GetMapping("/{id}")
    Lookup get(@PathVariable long id) {
        return lookups.get(kind, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an entry (name unique, whatever its case)")
    ResponseEntity<Lookup> create(@Valid @RequestBody LookupDetails request) {
        Lookup created = lookups.create(kind, request);
        return ResponseEntity.created(URI.create(path + "/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename or redescribe an entry")
    Lookup update(@PathVariable long id, @Valid @RequestBody LookupDetails request) {
        return lookups.update(kind, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an entry no ticket uses (409 names how many tickets use it)")
    void delete(@PathVariable long id) {
        lookups.delete(kind, id);
    }
}
