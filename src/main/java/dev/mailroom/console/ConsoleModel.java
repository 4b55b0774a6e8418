package dev.mailroom.console;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout shows: the signed-in operator (for the menu and sign-out). */
@ControllerAdvice(basePackages = "dev.mailroom.console")
class ConsoleModel {

    static final String OPERATOR = "operator";

    @ModelAttribute(OPERATOR)
    ConsoleUser operator() {
        return ConsoleUser.current();
    }
}
