package dev.mailroom.console.systemlog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The newest WARN and ERROR entries of the log file Spring Boot writes ({@code logging.file.name}, or
 * {@code spring.log} under {@code logging.file.path}). Only the last {@value #TAIL_BYTES} bytes are read, however large
 * the file: the entries before them are in the file (and its rotated predecessors) for whoever opens it.
 */
@Component
class LogFileTail {

    static final int TAIL_BYTES = 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    private static final int MAX_DETAIL_LINES = 12;

    /** Spring Boot's file pattern: time with offset, level, pid, {@code ---}, then application, thread, logger, message. */
    private static final Pattern ENTRY = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+)\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+(.*)$");

    /** One warning or error: its time as written (with its zone offset), level, the rest of its line and what followed. */
    record Entry(String time, String level, String text, List<String> detail) {
        /** The lines that followed (a stack trace), one text. */
        public String detailText() {
            return String.join("\n", detail);
        }
    }

    /** What the page shows: the file (empty when file logging is off) and its newest entries, newest first. */
    record Tail(Optional<Path> file, boolean exists, List<Entry> entries) {
    }

    private final Environment environment;

    LogFileTail(Environment environment) {
        this.environment = environment;
    }

    Optional<Path> file() {
        String name = environment.getProperty("logging.file.name");
        if (StringUtils.hasText(name)) {
            return Optional.of(Path.of(name).toAbsolutePath());
        }
        String path = environment.getProperty("logging.file.path");
        return StringUtils.hasText(path) ? Optional.of(Path.of(path, "spring.log").toAbsolutePath()) : Optional.empty();
    }

    Tail read() throws IOException {
        Optional<Path> file = file();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return new Tail(file, false, List.of());
        }
        return new Tail(file, true, entries(tail(file.get())));
    }

    private static List<String> tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return lines;
        }
    }

    static List<Entry> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : lines) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                String level = entry.group(2);
                current = level.equals("WARN") || level.equals("ERROR")
                        ? new Entry(entry.group(1), level, entry.group(3), new ArrayList<>()) : null;
                if (current != null) {
                    entries.add(current);
                }
            } else if (current != null && current.detail().size() < MAX_DETAIL_LINES) {
                current.detail().add(line);
            }
        }
        Collections.reverse(entries);
        return entries.size() > MAX_ENTRIES ? List.copyOf(entries.subList(0, MAX_ENTRIES)) : entries;
    }
}
