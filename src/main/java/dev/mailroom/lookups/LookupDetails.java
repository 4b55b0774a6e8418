package dev.mailroom.lookups;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sets on a technician group or category, on create and on update alike. */
public record LookupDetails(
        @NotBlank @Size(max = 200, message = "must be at most {max} characters") String name,
        @Size(max = 2000, message = "must be at most {max} characters") String description) {
}
