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
import org.openjdk.jmh.annotations.TearDown;

import dev.mailroom.acceptance.BenchmarkEmails;
import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.storage.FileSystemBlobStore;

/**
 * One raw email through {@link EmailParser}, as the intake parses every email: MIME walk, headers, bodies with the
 * quoted history split off, HTML sanitized, classification, and attachments streamed into the file-system blob store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmailParseBenchmark {

    @Param({"TEXT_AND_HTML", "ATTACHMENT_200KB", "REPLY_WITH_HISTORY"})
    public BenchmarkEmails.Shape shape;

    private Path blobs;
    private EmailParser parser;
    private byte[] raw;

    @Setup
    public void setUp() throws IOException {
        blobs = ScratchDirectory.create("mailroom-jmh-parse");
        parser = new EmailParser(new FileSystemBlobStore(blobs));
        raw = new BenchmarkEmails(42, MicroBenchmarks.DESK).shaped(shape);
    }

    @TearDown
    public void tearDown() throws IOException {
        ScratchDirectory.delete(blobs);
    }

    @Benchmark
    public ParsedEmail parse() throws IOException {
        return parser.parse(new ByteArrayInputStream(raw));
    }
}
