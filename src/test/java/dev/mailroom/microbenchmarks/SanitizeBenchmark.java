package dev.mailroom.microbenchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.mailroom.acceptance.BenchmarkEmails;
import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.sanitize.MailHtml;
import dev.mailroom.storage.FileSystemBlobStore;

/**
 * The HTML body of an email made safe ({@link MailHtml#sanitize}) and turned into text ({@link MailHtml#toText}), each
 * done for every HTML email the intake takes in and every ticket description or reply written in HTML.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SanitizeBenchmark {

    /** A plain request's HTML (paragraphs), or an Outlook-style answer: style sheet, signature table, nested quotes. */
    @Param({"TEXT_AND_HTML", "REPLY_WITH_HISTORY"})
    public BenchmarkEmails.Shape shape;

    private String html;

    /** The HTML part exactly as the email carries it: the parser's unsanitized {@code body().html()}. */
    @Setup
    public void setUp() throws IOException {
        byte[] raw = new BenchmarkEmails(42, MicroBenchmarks.DESK).shaped(shape);
        Path blobs = ScratchDirectory.create("mailroom-jmh-sanitize");
        try {
            html = new EmailParser(new FileSystemBlobStore(blobs)).parse(new ByteArrayInputStream(raw)).body().html();
        } finally {
            ScratchDirectory.delete(blobs);
        }
        if (html == null || html.isBlank()) {
            throw new IllegalStateException("The " + shape + " email has no HTML body");
        }
    }

    @Benchmark
    public String sanitize() {
        return MailHtml.sanitize(html);
    }

    @Benchmark
    public String toText() {
        return MailHtml.toText(html);
    }
}
