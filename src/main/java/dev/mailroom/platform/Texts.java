package dev.mailroom.platform;

/** Small text helpers for values headed into length-limited columns. */
public final class Texts {

    private Texts() {
    }

    /** The value, cut to at most {@code max} characters with an ellipsis where it was cut. */
    public static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
