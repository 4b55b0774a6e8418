package dev.mailroom.tickets;

import java.util.Objects;

import dev.mailroom.storage.BlobRef;

/**
 * A file to attach: either already in the blob store ({@link #stored}), or announced with its size while a background
 * job still stores it from the email part it came in ({@link #pending}).
 */
public record NewAttachment(String fileName, String contentType, String contentId, long sizeBytes, BlobRef blob,
        EmailPart source) {

    public static NewAttachment stored(String fileName, String contentType, String contentId, BlobRef blob) {
        return new NewAttachment(fileName, contentType, contentId, blob.size(), blob, null);
    }

    public static NewAttachment pending(String fileName, String contentType, String contentId, long sizeBytes,
            EmailPart source) {
        return new NewAttachment(fileName, contentType, contentId, sizeBytes, null, Objects.requireNonNull(source, "source"));
    }

    /** The same attachment with a file name safe for headers, a valid content type, and a content id without brackets. */
    public NewAttachment cleaned() {
        return new NewAttachment(FileNames.safe(fileName), ContentTypes.normalize(contentType), bareContentId(),
                sizeBytes, blob, source);
    }

    public AttachmentState state() {
        return blob == null ? AttachmentState.PENDING : AttachmentState.STORED;
    }

    /** HTML refers to inline images as {@code cid:abc@host}, the header says {@code <abc@host>}; we keep the bare form. */
    private String bareContentId() {
        if (contentId == null || contentId.isBlank()) {
            return null;
        }
        String id = contentId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() || id.length() > MessageIds.MAX_LENGTH ? null : id;
    }
}
