package dev.mailroom.intake.parse;

/**
 * How much of a message the parser keeps in memory, and which attachments it stores. Attachments are never held
 * whole: they stream to the blob store, or, above {@code inlineAttachmentBytes}, are only measured and left in the
 * raw email for a background job to store later.
 *
 * @param maxTextBytes        decoded text/plain bytes kept as the text body (the rest of an oversized body is kept as a file)
 * @param maxHtmlBytes        decoded text/html bytes kept as the HTML body (likewise)
 * @param maxHeaderFieldBytes bytes kept of one header field; longer fields are cut
 * @param maxHeaderLineBytes  longest single header line read at all; a longer one ends parsing with a problem
 * @param maxHeaderCount      header fields read per entity before parsing stops with a problem
 * @param maxReportBytes      bytes of a delivery-status or similar report part read for classification
 * @param maxTnefBytes        largest winmail.dat whose files are extracted (the extractor reads it into memory)
 * @param inlineAttachmentBytes largest attachment stored while parsing; larger ones are measured and left in place
 *                            (winmail.dat is always stored, as its files are unpacked while parsing)
 */
public record ParseLimits(
        int maxTextBytes,
        int maxHtmlBytes,
        int maxHeaderFieldBytes,
        int maxHeaderLineBytes,
        int maxHeaderCount,
        int maxReportBytes,
        long maxTnefBytes,
        long inlineAttachmentBytes) {

    /** Every attachment stored while parsing. */
    public static final ParseLimits DEFAULT = new ParseLimits(
            4 * 1024 * 1024, 4 * 1024 * 1024, 256 * 1024, 4 * 1024 * 1024, 10_000, 64 * 1024, 32L * 1024 * 1024);

    /** Limits that store every attachment while parsing. */
    public ParseLimits(int maxTextBytes, int maxHtmlBytes, int maxHeaderFieldBytes, int maxHeaderLineBytes,
            int maxHeaderCount, int maxReportBytes, long maxTnefBytes) {
        this(maxTextBytes, maxHtmlBytes, maxHeaderFieldBytes, maxHeaderLineBytes, maxHeaderCount, maxReportBytes,
                maxTnefBytes, Long.MAX_VALUE);
    }

    public ParseLimits withInlineAttachmentBytes(long bytes) {
        return new ParseLimits(maxTextBytes, maxHtmlBytes, maxHeaderFieldBytes, maxHeaderLineBytes, maxHeaderCount,
                maxReportBytes, maxTnefBytes, bytes);
    }
}
