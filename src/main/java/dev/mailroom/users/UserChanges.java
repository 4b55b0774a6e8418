package dev.mailroom.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update: a missing (null) field stays as it is. A blank name clears the name; an email address can be
 * changed but not removed.
 */
public record UserChanges(
        @Email @Size(max = 320, message = "must be at most {max} characters") @Pattern(regexp = ".*\\S.*", message = "must not be blank") String email,
        @Size(max = 200, message = "must be at most {max} characters") String name,
        UserKind kind) {
}
