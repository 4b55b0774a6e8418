package dev.mailroom.users;

/** Requesters raise tickets; technicians work on them. */
public enum UserKind {
    REQUESTER, TECHNICIAN
}
