package dev.mailroom.intake.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/** The first bytes of a stream up to a limit, and whether more followed; the whole content can still be streamed on. */
final class BoundedRead {

    private final byte[] head;
    private final int limit;

    private BoundedRead(byte[] head, int limit) {
        this.head = head;
        this.limit = limit;
    }

    static BoundedRead of(InputStream in, int limit) throws IOException {
        int max = Math.max(0, limit);
        return new BoundedRead(in.readNBytes(max + 1), max);
    }

    boolean overflow() {
        return head.length > limit;
    }

    byte[] bytes() {
        return overflow() ? Arrays.copyOf(head, limit) : head;
    }

    /** Everything: the bytes read so far followed by the unread rest. */
    InputStream whole(InputStream rest) {
        return new SequenceInputStream(new ByteArrayInputStream(head), rest);
    }
}
