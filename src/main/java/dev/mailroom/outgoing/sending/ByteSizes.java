package dev.mailroom.outgoing.sending;

import java.util.Locale;

/** Sizes as an admin reads them: "25 MB", "2.5 MB", "300 KB", "12 bytes". */
final class ByteSizes {

    private ByteSizes() {
    }

    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kilobytes = bytes / 1024.0;
        if (kilobytes < 1024) {
            return number(kilobytes) + " KB";
        }
        return number(kilobytes / 1024.0) + " MB";
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
