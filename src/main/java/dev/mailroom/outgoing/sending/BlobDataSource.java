package dev.mailroom.outgoing.sending;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;

import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentService;

/** A ticket attachment streamed from the blob store each time the message is written, never held in memory. */
final class BlobDataSource implements DataSource {

    private final AttachmentService attachments;
    private final Attachment attachment;

    BlobDataSource(AttachmentService attachments, Attachment attachment) {
        this.attachments = attachments;
        this.attachment = attachment;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return attachments.open(attachment).orElseThrow(() -> new IOException(
                "the content of attachment \"" + attachment.fileName() + "\" is missing from the blob store"));
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read only");
    }

    @Override
    public String getContentType() {
        String type = HeaderValues.oneLine(attachment.contentType());
        return type == null || type.isEmpty() ? "application/octet-stream" : type;
    }

    @Override
    public String getName() {
        return attachment.fileName();
    }
}
