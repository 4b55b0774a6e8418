package dev.mailroom.tickets;

import java.util.Arrays;

import dev.mailroom.web.BadRequestException;

/** Enum values read from requests by name, so a wrong value is answered with the field and the allowed values. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value.strip()))
                .findFirst()
                .orElseThrow(() -> new BadRequestException(field, mustBeOneOf(type)));
    }

    static String mustBeOneOf(Class<? extends Enum<?>> type) {
        return "must be one of " + Arrays.toString(type.getEnumConstants());
    }
}
