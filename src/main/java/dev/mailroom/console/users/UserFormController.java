package dev.mailroom.console.users;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserService;
import dev.mailroom.users.UserStatus;

/**
 * Add and edit a desk user: email, name, kind (requester or technician) and status, checked by the rules of
 * {@code /api/users} (a valid, unused email; archiving a deleted user refused), each refusal at its field.
 */
@Controller
@RequestMapping("/admin/users")
class UserFormController {

    /** The users API has no cross-field rules beyond Bean Validation and the service's own. */
    private static final Validator NO_CROSS_FIELD_RULES = Validator.forInstanceOf(Object.class, (request, errors) -> {
    });

    private final UserService users;
    private final ApiFormChecks checks;

    UserFormController(UserService users, ApiFormChecks checks) {
        this.users = users;
        this.checks = checks;
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        requireStatus(form, errors);
        Optional<DeskUser> saved = checks.save(form.toNewUser(), NO_CROSS_FIELD_RULES, errors,
                () -> users.create(form.toNewUser(), form.getStatus()));
        return saved.map(user -> done(redirect, user, "added")).orElseGet(() -> form(model, null));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        DeskUser user = users.get(id);
        model.addAttribute("form", UserForm.of(user));
        return form(model, user);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        DeskUser user = users.get(id);
        requireStatus(form, errors);
        Optional<DeskUser> saved = checks.save(form.toChanges(), NO_CROSS_FIELD_RULES, errors,
                () -> users.update(id, form.toChanges(), form.getStatus()));
        return saved.map(changed -> done(redirect, changed, "saved")).orElseGet(() -> form(model, user));
    }

    private static String form(Model model, DeskUser user) {
        model.addAttribute("user", user);
        model.addAttribute("kinds", UserKind.values());
        model.addAttribute("statuses", UserStatus.values());
        return "console/users/form";
    }

    private static void requireStatus(UserForm form, BindingResult errors) {
        if (form.getStatus() == null) {
            errors.rejectValue("status", "required", "Choose a status");
        }
    }

    private static String done(RedirectAttributes redirect, DeskUser user, String what) {
        redirect.addFlashAttribute("done", "User " + user.email() + " " + what);
        return UsersPageController.listShowing(user);
    }
}
