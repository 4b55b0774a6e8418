package dev.mailroom.notifications;

import dev.mailroom.web.BadRequestException;

/** A template that does not compile or names a field that does not exist: 400, naming the field and the line. */
class TemplateSyntaxException extends BadRequestException {

    TemplateSyntaxException(String field, String message) {
        super(field, message);
    }
}
