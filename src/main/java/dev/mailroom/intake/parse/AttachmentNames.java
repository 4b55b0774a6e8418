package dev.mailroom.intake.parse;

import java.util.Map;

/** The file name of a part: from Content-Disposition, else Content-Type {@code name}, else made up from its type. */
final class AttachmentNames {

    private static final int MAX_LENGTH = 255;

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("message/rfc822", "eml"),
            Map.entry("message/global", "eml"),
            Map.entry("text/calendar", "ics"),
            Map.entry("application/ics", "ics"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("text/rfc822-headers", "txt"),
            Map.entry("message/delivery-status", "txt"),
            Map.entry("message/global-delivery-status", "txt"),
            Map.entry("message/disposition-notification", "txt"),
            Map.entry("message/feedback-report", "txt"),
            Map.entry("text/csv", "csv"),
            Map.entry("text/xml", "xml"),
            Map.entry("application/xml", "xml"),
            Map.entry("application/json", "json"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/ms-tnef", "dat"),
            Map.entry("application/vnd.ms-tnef", "dat"),
            Map.entry("application/pkcs7-signature", "p7s"),
            Map.entry("application/x-pkcs7-signature", "p7s"),
            Map.entry("application/pkcs7-mime", "p7m"),
            Map.entry("application/x-pkcs7-mime", "p7m"),
            Map.entry("application/pgp-signature", "asc"),
            Map.entry("application/pgp-encrypted", "asc"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/jpg", "jpg"),
            Map.entry("image/pjpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/tiff", "tif"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/wav", "wav"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/quicktime", "mov"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/rtf", "rtf"),
            Map.entry("text/rtf", "rtf"));

    private AttachmentNames() {
    }

    /** The sender's name for the part, cleaned of paths and control characters; null if none was given. */
    static String given(HeaderParams disposition, HeaderParams contentType) {
        String name = clean(disposition.param("filename"));
        if (name == null) {
            name = clean(contentType.param("name"));
        }
        return name;
    }

    /**
     * A name for a part the sender did not name, from what else describes it: an attached message's subject, or
     * the Content-Description ("Delivery report" becomes {@code Delivery report.txt}); null if neither helps.
     */
    static String described(String description, EmbeddedMessage embedded, String mimeType) {
        String base = embedded != null && embedded.subject() != null && !embedded.subject().isBlank()
                ? embedded.subject() : description;
        base = clean(base == null ? null : base.replaceAll("[\\\\/]", " ").replaceAll("\\s+", " "));
        if (base == null || base.length() > 200) {
            return null;
        }
        String extension = EXTENSIONS.getOrDefault(mimeType, "bin");
        return base.toLowerCase().endsWith("." + extension) ? base : base + "." + extension;
    }

    /** {@code attachment-3.pdf}: the number is the attachment's position in the message, the extension its type's. */
    static String generated(int position, String mimeType) {
        return "attachment-" + position + "." + EXTENSIONS.getOrDefault(mimeType, "bin");
    }

    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.replaceAll("[\\p{Cntrl}]", "").strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1).strip();
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
