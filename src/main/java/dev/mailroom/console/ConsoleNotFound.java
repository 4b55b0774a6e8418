package dev.mailroom.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mailroom.web.NotFoundException;

/**
 * A console address that no page answers is a page in words (404, {@link ConsoleErrors}), not the API's problem JSON.
 * Every real page's mapping is more specific than these, so it wins; {@code /api/**}, {@code /actuator/**} and the
 * static files (a name with a dot, {@code /assets/**}, {@code /webjars/**}) are not matched and answer as before.
 */
@Controller
class ConsoleNotFound {

    @GetMapping({"/admin/**", "/tickets/**", "/{page:[^.]+}"})
    String notFound(HttpServletRequest request) {
        throw new NotFoundException("The page", request.getRequestURI());
    }
}
