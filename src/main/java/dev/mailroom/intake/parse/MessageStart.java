package dev.mailroom.intake.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Skips what may precede the first header in stored mail: blank or whitespace-only lines, and an mbox
 * {@code From sender date} separator line. Left in place, a leading empty line would end the header block at once
 * and turn the whole message into body text.
 */
final class MessageStart {

    private static final int LOOK_AHEAD = 16 * 1024;

    private MessageStart() {
    }

    static InputStream skipLeadingJunk(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, LOOK_AHEAD);
        in.mark(LOOK_AHEAD);
        byte[] head = in.readNBytes(LOOK_AHEAD);
        in.reset();
        int start = 0;
        boolean mboxLineSeen = false;
        while (start < head.length) {
            int end = lineEnd(head, start);
            if (end < 0) {
                break;
            }
            if (isBlank(head, start, end) || (!mboxLineSeen && startsWith(head, start, "From "))) {
                mboxLineSeen |= !isBlank(head, start, end);
                start = end + 1;
            } else {
                break;
            }
        }
        in.skipNBytes(start);
        return in;
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int from, String prefix) {
        if (bytes.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
