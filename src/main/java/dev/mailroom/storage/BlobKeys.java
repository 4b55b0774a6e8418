package dev.mailroom.storage;

import java.util.regex.Pattern;

final class BlobKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private BlobKeys() {
    }

    static boolean isValid(String key) {
        return key != null && SHA256_HEX.matcher(key).matches();
    }
}
