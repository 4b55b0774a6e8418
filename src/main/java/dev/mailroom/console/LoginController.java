package dev.mailroom.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security itself checks the form it posts to {@code /login}. After too many failed sign-ins
 * the form comes back with {@code ?locked=<instant>}, and the page says until when (in the console's time zone).
 */
@Controller
class LoginController {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ConsoleTimes times;

    LoginController(ConsoleTimes times) {
        this.times = times;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedUntil", lockedUntil(locked));
        }
        return "console/login";
    }

    private String lockedUntil(String locked) {
        try {
            var until = Instant.parse(locked).atZone(times.zone());
            String day = until.toLocalDate().equals(Instant.now().atZone(times.zone()).toLocalDate())
                    ? "" : until.toLocalDate() + " ";
            return day + HOUR.format(until) + " (" + times.zone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
        } catch (DateTimeParseException e) {
            return "a while";
        }
    }
}
