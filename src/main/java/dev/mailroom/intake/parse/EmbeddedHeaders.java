package dev.mailroom.intake.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;

/** Reads only the header block of an attached message: back from the blob store, or from its first bytes. */
final class EmbeddedHeaders {

    private EmbeddedHeaders() {
    }

    static EmbeddedMessage read(BlobStore store, BlobRef blob, ParseLimits limits) {
        try {
            Optional<InputStream> opened = store.open(blob.key());
            if (opened.isEmpty()) {
                return null;
            }
            try (InputStream in = opened.get()) {
                return read(in, limits);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** From the start of the attached message, which need not go past its header block. */
    static EmbeddedMessage read(InputStream in, ParseLimits limits) {
        List<Header> headers = new ArrayList<>();
        try {
            MimeConfig config = MimeConfig.custom()
                    .setMaxLineLen(limits.maxHeaderLineBytes())
                    .setMaxHeaderCount(limits.maxHeaderCount())
                    .setMaxHeaderLen(-1)
                    .build();
            MimeTokenStream tokens = new MimeTokenStream(config, null,
                    new TruncatingFieldBuilder(limits.maxHeaderFieldBytes()), null);
            tokens.parse(MessageStart.skipLeadingJunk(in));
            for (EntityState state = tokens.getState(); state != EntityState.T_END_HEADER
                    && state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                if (state == EntityState.T_FIELD) {
                    headers.add(RawHeaders.undecoded(tokens.getField()));
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            // an unreadable attached message is still kept as a file; its summary is simply partial
        }
        if (headers.isEmpty()) {
            return null;
        }
        List<EmailAddress> from = AddressListParser.parse(RawHeaders.first(headers, "From"));
        String subject = RawHeaders.first(headers, "Subject");
        return new EmbeddedMessage(
                subject == null ? null : EncodedWords.decode(subject),
                from.isEmpty() ? null : from.get(0),
                MessageIdReader.first(RawHeaders.first(headers, "Message-ID")),
                LenientDates.parse(RawHeaders.first(headers, "Date")));
    }
}
