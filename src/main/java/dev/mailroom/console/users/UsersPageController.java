package dev.mailroom.console.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mailroom.console.PageLinks;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserFilter;
import dev.mailroom.users.UserService;
import dev.mailroom.users.UserStatus;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/** Admin › User Management › Users: desk users by email, searched by email or name and filtered by status. */
@Controller
class UsersPageController {

    private final UserService users;

    UsersPageController(UserService users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UserStatus status,
            @RequestParam(required = false) Integer page, Model model) {
        PageResponse<DeskUser> found = users.list(new UserFilter(q, null, status, null), PageRequest.of(page, null));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", UserStatus.values());
        model.addAttribute("actions", UserAction.values());
        model.addAttribute("rows", found.items());
        model.addAttribute("paging", PageLinks.of(found));
        return "console/users/list";
    }

    /** Back on the list, showing that user; encoded whole: an address may hold a '+', which a query reads as a space. */
    static String listShowing(DeskUser user) {
        return "redirect:/admin/users?q=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8);
    }
}
