package dev.mailroom.intake.parse;

import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/** Keeps at most a fixed number of bytes of each header field instead of failing the whole message on a huge one. */
final class TruncatingFieldBuilder extends DefaultFieldBuilder {

    private final int maxBytes;
    private int truncatedFields;

    TruncatingFieldBuilder(int maxBytes) {
        super(-1);
        this.maxBytes = maxBytes;
    }

    @Override
    public void append(ByteArrayBuffer line) throws MaxHeaderLengthLimitException {
        if (line == null) {
            return;
        }
        int room = maxBytes - getRaw().length();
        if (line.length() <= room) {
            super.append(line);
            return;
        }
        if (room > 0) {
            super.append(new ByteArrayBuffer(line.buffer(), room, false));
            truncatedFields++;
        }
    }

    int truncatedFields() {
        return truncatedFields;
    }
}
