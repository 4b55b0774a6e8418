package dev.mailroom.intake.parse;

/**
 * How much of a message the parser keeps in memory. Attachments are never held whole: they stream to the blob store.
 *
 * @param maxTextBytes        decoded text/plain bytes kept as the text body (the rest of an oversized body is kept as a file)
 * @param maxHtmlBytes        decoded text/html bytes kept as the HTML body (likewise)
 * @param maxHeaderFieldBytes bytes kept of one header field; longer fields are cut
 * @param maxHeaderLineBytes  longest single header line read at all; a longer one ends parsing with a problem
 * @param maxHeaderCount      header fields read per entity before parsing stops with a problem
 * @param maxReportBytes      bytes of a delivery-status or similar report part read for classification
 * @param maxTnefBytes        largest winmail.dat whose files are extracted (the extractor reads it into memory)
 */
public record ParseLimits(
        int maxTextBytes,
        int maxHtmlBytes,
        int maxHeaderFieldBytes,
        int maxHeaderLineBytes,
        int maxHeaderCount,
        int maxReportBytes,
        long maxTnefBytes) {

    public static final ParseLimits DEFAULT = new ParseLimits(
            4 * 1024 * 1024, 4 * 1024 * 1024, 256 * 1024, 4 * 1024 * 1024, 10_000, 64 * 1024, 32L * 1024 * 1024);
}
