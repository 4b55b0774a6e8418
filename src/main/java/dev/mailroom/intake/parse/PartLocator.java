package dev.mailroom.intake.parse;

import java.io.IOException;
import java.io.InputStream;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Finds a part of a raw email again by the number the parser gave it ({@link ParsedAttachment#partNumber()}) and
 * hands its decoded content to a reader, streaming: the walk reads the same bytes with the same settings as the
 * parser did, so the numbers agree.
 */
public final class PartLocator {

    private final ParseLimits limits;

    public PartLocator(ParseLimits limits) {
        this.limits = limits;
    }

    /** Reads the decoded content of one part; the content stream is valid only during the call. */
    @FunctionalInterface
    public interface ContentReader<T> {
        T read(InputStream content) throws IOException;
    }

    /**
     * @throws PartNotReadable when the email has no such part, or its MIME structure breaks off before it
     * @throws IOException     when reading the raw email fails, or the reader fails (both may pass on a retry)
     */
    public <T> T read(InputStream raw, String partNumber, ContentReader<T> reader) throws IOException, PartNotReadable {
        TrackedInput input = new TrackedInput(raw);
        PartNumbers numbers = new PartNumbers();
        try {
            MimeTokenStream tokens = MimeStreams.open(input, limits, new Problems(),
                    new TruncatingFieldBuilder(limits.maxHeaderFieldBytes()));
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                numbers.follow(state);
                if (state == EntityState.T_BODY && numbers.current().equals(partNumber)) {
                    try (InputStream content = MimeStreams.decodedBody(tokens)) {
                        return reader.read(content);
                    }
                }
            }
        } catch (MimeException | RuntimeException e) {
            throw unreadable(partNumber, e);
        } catch (IOException e) {
            if (input.failure() != null) {
                throw input.failure();
            }
            if (e instanceof MimeIOException) {
                throw unreadable(partNumber, e);
            }
            throw e;
        }
        throw new PartNotReadable("the email has no part " + partNumber);
    }

    private static PartNotReadable unreadable(String partNumber, Exception e) {
        return new PartNotReadable("the email's MIME structure could not be read as far as part " + partNumber
                + " (" + e.getMessage() + ")");
    }

    /** The part cannot be had from this email, now or ever: its message says why, in plain words. */
    public static final class PartNotReadable extends Exception {
        PartNotReadable(String reason) {
            super(reason);
        }
    }
}
