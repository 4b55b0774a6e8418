package dev.mailroom.web;

/** One field-level complaint inside a problem details response ({@code errors[]}). */
public record FieldError(String field, String message) {
}
