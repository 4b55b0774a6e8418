package dev.mailroom.console.users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserService;

/**
 * Archive, delete and restore a desk user: first a confirmation page saying what the action means (it works without
 * JavaScript), then the change through the users service, back on the list showing that user.
 */
@Controller
class UserActionController {

    private static final String ACTION_PATH = "/admin/users/{id}/{action:archive|delete|restore}";

    private final UserService users;

    UserActionController(UserService users) {
        this.users = users;
    }

    @GetMapping(ACTION_PATH)
    String confirm(@PathVariable long id, @PathVariable String action, Model model) {
        model.addAttribute("user", users.get(id));
        model.addAttribute("action", UserAction.valueOf(action.toUpperCase()));
        return "console/users/confirm";
    }

    @PostMapping(ACTION_PATH)
    String apply(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        UserAction chosen = UserAction.valueOf(action.toUpperCase());
        DeskUser user = chosen.apply(users, id);
        redirect.addFlashAttribute("done", "User " + user.email() + " " + chosen.done());
        return UsersPageController.listShowing(user);
    }
}
