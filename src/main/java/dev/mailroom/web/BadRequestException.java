package dev.mailroom.web;

/** A request parameter that fails a rule Bean Validation cannot express; answered as 400 with the field named. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
