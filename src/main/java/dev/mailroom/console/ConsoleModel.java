package dev.mailroom.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout shows: the signed-in operator (for the menu and sign-out). */
@ControllerAdvice(basePackages = "dev.mailroom.console")
class ConsoleModel {

    @ModelAttribute("operator")
    ConsoleUser operator(Authentication authentication) {
        return authentication == null ? null : ConsoleUser.of(authentication);
    }
}
