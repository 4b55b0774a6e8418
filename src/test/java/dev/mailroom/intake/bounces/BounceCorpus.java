package dev.mailroom.intake.bounces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.storage.FileSystemBlobStore;

/**
 * The bounce sets of the shared mail corpus, read in place from {@code ../shared/corpus}. A missing corpus fails the
 * tests: skipping them would hide every regression they guard.
 */
final class BounceCorpus {

    private final EmailParser parser;

    BounceCorpus(Path blobs) {
        try {
            this.parser = new EmailParser(new FileSystemBlobStore(blobs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath().resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("The mail corpus is missing: expected it at " + dir);
        }
        return dir;
    }

    static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new AssertionError("Corpus file missing: " + path);
        }
        return path;
    }

    /** The rows of a tab-separated expectation file, header line left out. */
    static List<String[]> tsv(String relative) {
        try {
            List<String[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file(relative), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParsedEmail parse(String relative) {
        try (InputStream in = Files.newInputStream(file(relative))) {
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
