package dev.mailroom.users;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Requesters and technicians the desk knows by email address")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users ordered by email; q searches email and name")
    PageResponse<DeskUser> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) UserKind kind,
            @RequestParam(required = false) UserStatus status,
            @RequestParam(required = false) Boolean guest,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return users.list(new UserFilter(q, kind, status, guest), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    DeskUser get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a user (email unique, whatever its case)")
    ResponseEntity<DeskUser> create(@Valid @RequestBody NewUser request) {
        DeskUser user = users.create(request);
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change email, name or kind; missing fields stay as they are")
    DeskUser update(@PathVariable long id, @Valid @RequestBody UserChanges request) {
        return users.update(id, request);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive: history kept, incoming mail from the user ignored")
    DeskUser archive(@PathVariable long id) {
        return users.archive(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Soft delete: status DELETED, history kept, incoming mail ignored")
    DeskUser delete(@PathVariable long id) {
        return users.delete(id);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Make an archived or deleted user active again")
    DeskUser restore(@PathVariable long id) {
        return users.restore(id);
    }
}
