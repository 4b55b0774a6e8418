package dev.mailroom.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mailroom.security.Role;

/** Who is signed in to the console, as the layout needs it: the name to show, and whether the Admin menu applies. */
public record ConsoleUser(String username, boolean admin) {

    /** The operator of the request being answered, or null on a page anyone may see (the login page). */
    static ConsoleUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null : of(authentication);
    }

    static ConsoleUser of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.ADMIN.name()).equals(authority.getAuthority()));
        return new ConsoleUser(authentication.getName(), admin);
    }
}
