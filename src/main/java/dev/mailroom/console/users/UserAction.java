package dev.mailroom.console.users;

import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserService;
import dev.mailroom.users.UserStatus;

/** What an admin may do to a desk user from the Users screen, with what it means in words for the confirmation. */
enum UserAction {

    ARCHIVE("Archive", "archived",
            "Their tickets and history stay; mail from them is ignored (RECEIVED IGNORED \"From Email user is Archived/Deleted\") until restored."),
    DELETE("Delete", "deleted",
            "Their tickets and history stay (a soft delete); mail from them is ignored until restored."),
    RESTORE("Restore", "restored",
            "They become active again: their next email is taken in, and an ignored one can be reprocessed from the Email Audit.");

    private final String verb;
    private final String done;
    private final String consequence;

    UserAction(String verb, String done, String consequence) {
        this.verb = verb;
        this.done = done;
        this.consequence = consequence;
    }

    public String verb() {
        return verb;
    }

    public String done() {
        return done;
    }

    public String consequence() {
        return consequence;
    }

    /** In the path: {@code /admin/users/7/archive}. */
    public String path() {
        return name().toLowerCase();
    }

    /** Whether the action changes a user in this status (archiving a deleted user is refused by the service). */
    public boolean appliesTo(UserStatus status) {
        return switch (this) {
            case ARCHIVE -> status == UserStatus.ACTIVE;
            case DELETE -> status != UserStatus.DELETED;
            case RESTORE -> status != UserStatus.ACTIVE;
        };
    }

    DeskUser apply(UserService users, long id) {
        return switch (this) {
            case ARCHIVE -> users.archive(id);
            case DELETE -> users.delete(id);
            case RESTORE -> users.restore(id);
        };
    }
}
