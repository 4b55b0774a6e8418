package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One MIME entity as the walk saw it: its headers, its children if it is a multipart, and for a body part the
 * decoded text (already capped). Attachments are referenced by their index in the walk's attachment list.
 */
final class PartNode {

    enum Role { MULTIPART, TEXT, HTML, ATTACHMENT, REPORT, IGNORED }

    final List<Header> headers = new ArrayList<>();
    /** Indexes into {@link #headers} of fields whose raw 8-bit bytes were read as windows-1252 for want of a label. */
    final java.util.BitSet windows1252Headers = new java.util.BitSet();
    final List<PartNode> children = new ArrayList<>();
    final boolean root;
    String mimeType = "text/plain";
    Role role = Role.IGNORED;
    String content;
    String preamble;
    int attachmentIndex = -1;

    PartNode(boolean root) {
        this.root = root;
    }

    String header(String name) {
        return RawHeaders.first(headers, name);
    }

    String subtype() {
        int slash = mimeType.indexOf('/');
        return slash < 0 ? "" : mimeType.substring(slash + 1);
    }
}
