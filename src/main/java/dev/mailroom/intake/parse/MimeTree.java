package dev.mailroom.intake.parse;

import java.util.List;

/** What one streaming walk over a message produced: the part tree, the stored attachments and the report parts. */
record MimeTree(PartNode root, List<ParsedAttachment> attachments, List<ReportPart> reports) {
}
