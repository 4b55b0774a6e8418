package dev.mailroom.intake.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether reading the raw message itself failed, so that the parser can tell a broken disk or connection
 * (which it reports to the caller) from broken MIME (which it notes as a parse problem and works around).
 */
final class TrackedInput extends FilterInputStream {

    private IOException failure;

    TrackedInput(InputStream in) {
        super(in);
    }

    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
