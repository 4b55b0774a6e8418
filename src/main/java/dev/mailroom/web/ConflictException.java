package dev.mailroom.web;

/** A request that clashes with what is stored (a duplicate email, a name in use); answered as 409 problem details. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
