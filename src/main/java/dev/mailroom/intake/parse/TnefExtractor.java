package dev.mailroom.intake.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.MAPIAttribute;
import org.apache.poi.hmef.attribute.MAPIRtfAttribute;
import org.apache.poi.hmef.attribute.MAPIStringAttribute;
import org.apache.poi.hsmf.datatypes.MAPIProperty;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;

/**
 * Unpacks an Outlook winmail.dat (TNEF) with Apache POI's HMEF: its files, and its body as {@code message.rtf} /
 * {@code message.html} (Outlook sends the formatted body only inside TNEF). POI reads the container into memory,
 * so containers above {@link ParseLimits#maxTnefBytes()} are kept as a file only.
 */
final class TnefExtractor {

    private final BlobStore store;
    private final ParseLimits limits;
    private final Problems problems;

    TnefExtractor(BlobStore store, ParseLimits limits, Problems problems) {
        this.store = store;
        this.limits = limits;
        this.problems = problems;
    }

    List<ParsedAttachment> extract(BlobRef container) {
        if (container.size() > limits.maxTnefBytes()) {
            problems.add("winmail.dat larger than " + limits.maxTnefBytes() + " bytes; kept but not unpacked");
            return List.of();
        }
        HMEFMessage message;
        try {
            Optional<InputStream> in = store.open(container.key());
            if (in.isEmpty()) {
                return List.of();
            }
            message = new HMEFMessage(in.get());
        } catch (IOException | RuntimeException e) {
            problems.add("winmail.dat could not be unpacked (" + e.getMessage() + "); kept as a file");
            return List.of();
        }
        List<ParsedAttachment> files = new ArrayList<>();
        for (Attachment attachment : message.getAttachments()) {
            try {
                byte[] contents = contentsOf(attachment);
                String name = nameOf(attachment);
                files.add(stored(name == null ? "attachment-" + (files.size() + 1) + ".bin" : name, name == null,
                        typeOf(attachment, name), contents));
            } catch (IOException e) {
                throw new StorageFailure(e);
            } catch (RuntimeException e) {
                problems.add("a file inside winmail.dat could not be read (" + e.getMessage() + ")");
            }
        }
        try {
            addBody(message, files);
        } catch (IOException e) {
            throw new StorageFailure(e);
        } catch (RuntimeException e) {
            problems.add("the body inside winmail.dat could not be read (" + e.getMessage() + ")");
        }
        return files;
    }

    private void addBody(HMEFMessage message, List<ParsedAttachment> files) throws IOException {
        MAPIAttribute html = message.getMessageMAPIAttribute(MAPIProperty.BODY_HTML);
        if (html != null) {
            files.add(stored("message.html", false, "text/html", html.getData()));
        }
        MAPIAttribute rtf = message.getMessageMAPIAttribute(MAPIProperty.RTF_COMPRESSED);
        if (html == null && rtf instanceof MAPIRtfAttribute compressed) {
            files.add(stored("message.rtf", false, "application/rtf", compressed.getData()));
        }
        MAPIAttribute text = message.getMessageMAPIAttribute(MAPIProperty.BODY);
        if (html == null && text != null) {
            String body = MAPIStringAttribute.getAsString(text);
            if (body != null && !body.isBlank()) {
                files.add(stored("message.txt", false, "text/plain",
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
    }

    /** The file's bytes; embedded OLE objects carry them in the MAPI data property instead of the TNEF one. */
    private static byte[] contentsOf(Attachment attachment) {
        try {
            return attachment.getContents();
        } catch (IllegalArgumentException e) {
            MAPIAttribute data = attachment.getMAPIAttribute(MAPIProperty.ATTACH_DATA);
            if (data == null) {
                throw e;
            }
            return data.getData();
        }
    }

    private ParsedAttachment stored(String name, boolean generated, String type, byte[] contents) throws IOException {
        BlobRef blob = store.put(new ByteArrayInputStream(contents));
        return new ParsedAttachment(name, generated, type, blob, blob.size(), null, null, Disposition.ATTACHMENT, false,
                AttachmentKind.FROM_TNEF, null);
    }

    private static String nameOf(Attachment attachment) {
        String name = AttachmentNames.clean(attachment.getLongFilename());
        if (name == null) {
            name = AttachmentNames.clean(attachment.getFilename());
        }
        return name;
    }

    private static String typeOf(Attachment attachment, String name) {
        String tag = MAPIStringAttribute.getAsString(attachment.getMAPIAttribute(MAPIProperty.ATTACH_MIME_TAG));
        if (tag != null && tag.contains("/")) {
            return tag.strip().toLowerCase(Locale.ROOT);
        }
        String guessed = name == null ? null : URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
