package dev.mailroom.intake.parse;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through and keeps a copy of its first bytes, up to a limit. */
final class HeadCapture extends FilterInputStream {

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final int limit;

    HeadCapture(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    byte[] head() {
        return head.toByteArray();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && head.size() < limit) {
            head.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0 && head.size() < limit) {
            head.write(buffer, offset, Math.min(read, limit - head.size()));
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would be missing from the copy; reading them keeps it whole
        return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 0), 8192)]));
    }
}
