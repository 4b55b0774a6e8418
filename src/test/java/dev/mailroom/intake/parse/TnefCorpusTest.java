package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/** winmail.dat unpacking (POI HMEF) against MimeKit's TNEF fixtures: the files each container should yield. */
class TnefCorpusTest {

    /**
     * Measured: 16 of 19 containers yield exactly MimeKit's files; the floor sits just below. The three that differ:
     * christmas (POI finds 2 of its 4 "Untitled Attachment" objects), panic (POI stops at an attribute level it does
     * not know; the container is still kept as a file) and triples (we give the body once, as RTF, where MimeKit
     * also writes the plain-text copy).
     */
    private static final int FLOOR = 15;

    @TempDir
    Path blobs;

    @Test
    void containersYieldTheirFiles() throws Exception {
        var store = new FileSystemBlobStore(blobs);
        List<String> differing = new ArrayList<>();
        int total = 0;
        try (Stream<Path> files = Files.list(Corpus.file("mimekit/tnef"))) {
            for (Path tnef : files.filter(p -> p.toString().endsWith(".tnef")).sorted().toList()) {
                total++;
                String name = tnef.getFileName().toString().replace(".tnef", "");
                Problems problems = new Problems();
                var container = store.put(Files.newInputStream(tnef));
                List<String> got = new TnefExtractor(store, ParseLimits.DEFAULT, problems).extract(container).stream()
                        .map(ParsedAttachment::fileName).sorted().toList();
                List<String> expected = expectedFiles(tnef.resolveSibling(name));
                if (!got.equals(expected)) {
                    differing.add(name + ": expected " + expected + " got " + got + " " + problems.list());
                }
            }
        }
        System.out.printf("mimekit tnef: %d of %d containers yield the expected files%n", total - differing.size(), total);
        differing.forEach(d -> System.out.println("  differs: " + d));
        assertThat(total).isEqualTo(19);
        assertThat(total - differing.size()).isGreaterThanOrEqualTo(FLOOR);
    }

    /** The files in MimeKit's output folder; its numbered duplicates ("Untitled Attachment.2") lose the number. */
    private static List<String> expectedFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("^(Untitled Attachment)\\.\\d+$", "$1"))
                    .sorted().toList();
        }
    }
}
