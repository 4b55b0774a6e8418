package dev.mailroom.platform;

import java.util.Locale;

/** Sizes as people read them in messages: {@code 512 bytes}, {@code 700 KB}, {@code 62 MB}, {@code 1.5 GB}. */
public final class ByteSizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    public static String words(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 10 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        return number.replace(".0", "") + " " + UNITS[unit];
    }
}
