package dev.mailroom.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's documentation as the docs tests read it: README.md and every Markdown page under docs/, in a fixed
 * order, with paths relative to the project directory (the working directory of the test run).
 */
final class DocsPages {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("docs");

    private DocsPages() {
    }

    /** README.md first, then docs/**&#47;*.md sorted by path. */
    static List<Path> all() {
        List<Path> pages = new ArrayList<>();
        pages.add(README);
        try (Stream<Path> files = Files.walk(DOCS)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the pages under " + DOCS.toAbsolutePath(), e);
        }
        return pages;
    }

    static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + page.toAbsolutePath(), e);
        }
    }

    /** The text without its fenced code blocks (```), which hold commands and examples rather than prose. */
    static String withoutCodeBlocks(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean inBlock = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                prose.append('\n');
                continue;
            }
            prose.append(inBlock ? "" : line).append('\n');
        }
        return prose.toString();
    }
}
