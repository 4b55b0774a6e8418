package dev.mailroom.intake.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * How every walk over a raw message reads it with mime4j. The parser and {@link PartLocator} share it so that a
 * second walk sees exactly the parts, numbers and decoded bytes the first one saw.
 */
final class MimeStreams {

    private static final Set<String> UUENCODE = Set.of("x-uuencode", "uuencode", "x-uue");

    private MimeStreams() {
    }

    /**
     * A token stream positioned at the start of the message. Attached messages are not descended into: they are
     * leaves, kept whole as {@code .eml} files.
     */
    static MimeTokenStream open(InputStream raw, ParseLimits limits, Problems problems, TruncatingFieldBuilder fields)
            throws IOException {
        MimeConfig config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxLineLen(limits.maxHeaderLineBytes())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(-1)
                .setMaxContentLen(-1)
                .build();
        MimeTokenStream tokens = new MimeTokenStream(config, new ProblemMonitor(problems), fields, null);
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        tokens.parse(MessageStart.skipLeadingJunk(raw));
        return tokens;
    }

    /** The current body with its transfer encoding (uuencode included, which mime4j leaves alone) undone. */
    static InputStream decodedBody(MimeTokenStream tokens) {
        String encoding = tokens.getBodyDescriptor().getTransferEncoding().toLowerCase(Locale.ROOT);
        return UUENCODE.contains(encoding) ? new UuDecodingInputStream(tokens.getInputStream())
                : tokens.getDecodedInputStream();
    }
}
