package dev.mailroom.users;

/** Archived and deleted users keep their history; mail from them is ignored until they are restored. */
public enum UserStatus {
    ACTIVE, ARCHIVED, DELETED
}
