package dev.mailroom.tickets.threading;

/** A ticket reference quoted in a subject: the prefix as configured (whatever case the subject used) and the number. */
public record SubjectReference(String prefix, long number) {

    public String displayId() {
        return prefix + number;
    }
}
