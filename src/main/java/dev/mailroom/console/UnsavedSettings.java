package dev.mailroom.console;

/**
 * The server a form's Test Connection tests before anything is saved, named as connection-test.html names a saved
 * one; its result lands in {@code #test-unsaved}.
 */
public record UnsavedSettings(String id, String name) {

    public static UnsavedSettings named(String typedName) {
        return new UnsavedSettings("unsaved", typedName == null || typedName.isBlank() ? "unsaved settings" : typedName);
    }
}
