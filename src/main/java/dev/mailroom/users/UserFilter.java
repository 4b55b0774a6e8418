package dev.mailroom.users;

/**
 * Which users a list shows. Every part is optional: {@code q} is a case-insensitive substring of the email address
 * or the name; the others match exactly.
 */
public record UserFilter(String q, UserKind kind, UserStatus status, Boolean guest) {

    public static final UserFilter ALL = new UserFilter(null, null, null, null);

    public boolean hasText() {
        return q != null && !q.isBlank();
    }
}
