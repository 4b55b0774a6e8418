package dev.mailroom.console;

import org.springframework.security.core.Authentication;

import dev.mailroom.security.Role;

/** Who is signed in to the console, as the layout needs it: the name to show, and whether the Admin menu applies. */
public record ConsoleUser(String username, boolean admin) {

    static ConsoleUser of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.ADMIN.name()).equals(authority.getAuthority()));
        return new ConsoleUser(authentication.getName(), admin);
    }
}
