package dev.mailroom.intake.parse;

/** The text of a machine-readable report part (delivery status, disposition notification, feedback), capped. */
record ReportPart(String mimeType, String text) {
}
