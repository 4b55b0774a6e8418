package dev.mailroom.web;

/** An id or key that names nothing; answered as 404 problem details. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
