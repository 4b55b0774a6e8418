package dev.mailroom.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A user an admin registers by hand (so never a guest). A missing kind means a requester. */
public record NewUser(
        @NotBlank @Email @Size(max = 320, message = "must be at most {max} characters") String email,
        @Size(max = 200, message = "must be at most {max} characters") String name,
        UserKind kind) {
}
