package dev.mailroom.tickets;

/**
 * Attachment names come from mail clients and browsers: they may carry a path ({@code C:\fakepath\x.png}),
 * control characters or quotes that would break a Content-Disposition header. This keeps the last path segment and
 * drops what cannot appear in a header.
 */
public final class FileNames {

    static final String FALLBACK = "attachment";
    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    public static String safe(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder cleaned = new StringBuilder();
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && c != ';')
                .forEach(cleaned::appendCodePoint);
        String result = cleaned.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isBlank()) {
            return FALLBACK;
        }
        return shorten(result);
    }

    /** Keeps the extension when a name must be cut. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, MAX_LENGTH - extension.length()) + extension;
    }
}
