package dev.mailroom.console.users;

import dev.mailroom.users.DeskUser;
import dev.mailroom.users.NewUser;
import dev.mailroom.users.UserChanges;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserStatus;

/** The Users form: email, name, kind and status, as an admin adds or edits a desk user. */
public class UserForm {

    private String email;
    private String name;
    private UserKind kind = UserKind.REQUESTER;
    private UserStatus status = UserStatus.ACTIVE;

    static UserForm of(DeskUser user) {
        UserForm form = new UserForm();
        form.setEmail(user.email());
        form.setName(user.name());
        form.setKind(user.kind());
        form.setStatus(user.status());
        return form;
    }

    NewUser toNewUser() {
        return new NewUser(trimmed(email), name, kind);
    }

    /** Every field given: a cleared name clears the name, as the API's PATCH does with a blank one. */
    UserChanges toChanges() {
        return new UserChanges(trimmed(email), name == null ? "" : name, kind);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UserKind getKind() {
        return kind;
    }

    public void setKind(UserKind kind) {
        this.kind = kind;
    }

    public UserStatus getStatus() {
        return status;
    }

    public void setStatus(UserStatus status) {
        this.status = status;
    }
}
