package dev.mailroom.console;

import java.util.function.Supplier;

import org.springframework.ui.Model;

import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * Answers Test Connection of a saved server, incoming or outgoing (templates/console/connection-test.html): each step
 * for htmx to swap in beside the server, or the whole page without it. A test refused before it starts (a stored
 * password that no longer decrypts, a test recipient that is no address) is said in the same place.
 */
public record ConnectionTestPage(String section, String serversPath, String serversLabel) {

    public String answer(String hxRequest, Model model, Object server, Supplier<ConnectionTestResult> test) {
        model.addAttribute("section", section);
        model.addAttribute("serversPath", serversPath);
        model.addAttribute("serversLabel", serversLabel);
        model.addAttribute("server", server);
        try {
            model.addAttribute("result", test.get());
        } catch (ConflictException e) {
            // htmx swaps only successful answers, so a refusal is a 200 with the reason
            model.addAttribute("testProblem", e.getMessage());
        } catch (BadRequestException e) {
            model.addAttribute("testProblem", e.field() + ": " + e.getMessage());
        }
        return Htmx.view(hxRequest, "console/connection-test", "result");
    }
}
