package dev.mailroom.tickets;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** A declared content type as stored and served: a parseable MIME type, or application/octet-stream. */
public final class ContentTypes {

    public static final String UNKNOWN = "application/octet-stream";
    static final int MAX_LENGTH = 255;

    private ContentTypes() {
    }

    public static String normalize(String declared) {
        if (declared == null || declared.isBlank()) {
            return UNKNOWN;
        }
        try {
            MimeType type = MimeTypeUtils.parseMimeType(declared.strip());
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return UNKNOWN;
            }
            String full = type.toString();
            return full.length() <= MAX_LENGTH ? full : type.getType() + "/" + type.getSubtype();
        } catch (InvalidMimeTypeException e) {
            return UNKNOWN;
        }
    }
}
