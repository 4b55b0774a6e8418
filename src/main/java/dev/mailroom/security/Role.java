package dev.mailroom.security;

/** What a signed-in operator may do: admins configure the desk, technicians work its tickets. */
public enum Role {
    ADMIN, TECHNICIAN
}
