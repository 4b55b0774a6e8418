package dev.mailroom.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps docs/configuration.md and the other pages true to the settings the application reads.
 *
 * <p>The settings are the {@code mailroom.*} properties of Spring Boot's generated metadata (written by the
 * configuration processor when the main code is compiled), plus those the code reads directly: {@code ${mailroom.…}}
 * placeholders ({@code @Value}), {@code @ConditionalOnProperty} names and {@code getProperty("mailroom.…")} calls.
 */
class ConfigurationDocsTest {

    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    static final Path MAIN_SOURCES = Path.of("src/main/java");
    static final Path CONFIGURATION_PAGE = Path.of("docs/configuration.md");

    /** How the code reads a setting without binding it to a {@code *Properties} class. */
    private static final List<Pattern> READ_IN_CODE = List.of(
            Pattern.compile("\\$\\{(mailroom\\.[a-z0-9.-]*[a-z0-9])[:}]"),
            Pattern.compile("@ConditionalOnProperty\\(\\s*(?:(?:name|value)\\s*=\\s*)?\"(mailroom\\.[a-z0-9.-]*[a-z0-9])\""),
            Pattern.compile("getProperty\\(\"(mailroom\\.[a-z0-9.-]*[a-z0-9])\""));

    /**
     * A {@code mailroom.…} name in prose: not part of a longer dotted name ({@code dev.mailroom.intake},
     * {@code demo.mailroom.local}) or of an address or path. A trailing {@code .*} stands for every setting below it;
     * {@code [0]} for an element of a list setting.
     */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\w.@/])mailroom(?:\\.[a-z0-9][a-z0-9-]*)+(?:\\.\\*|\\[\\d+])?");

    /** Names that look like settings but are not: the default Message-ID domain, the packaged application's file. */
    private static final Set<String> NOT_SETTINGS = Set.of("mailroom.local", "mailroom.jar");

    @Test
    void everySettingIsDocumentedInTheConfigurationPage() {
        SortedSet<String> documented = documentedInTable();

        SortedSet<String> missing = new TreeSet<>(settings());
        missing.removeAll(documented);

        assertThat(missing)
                .as("settings with no row of their own (first column, in backticks) in %s", CONFIGURATION_PAGE)
                .isEmpty();
    }

    @Test
    void everyMentionedSettingExists() {
        SortedSet<String> settings = settings();
        List<String> unknown = new ArrayList<>();
        for (Path page : DocsPages.all()) {
            Matcher mention = MENTION.matcher(DocsPages.read(page));
            while (mention.find()) {
                String name = mention.group();
                if (!NOT_SETTINGS.contains(name) && !exists(name, settings)) {
                    unknown.add(page + ": " + name);
                }
            }
        }
        assertThat(unknown).as("mailroom.* names in the documentation that are no setting of the application")
                .isEmpty();
    }

    @Test
    void theMetadataAndTheCodeNameTheSettings() {
        assertThat(fromMetadata()).as("mailroom.* settings in %s", METADATA).hasSizeGreaterThan(40)
                .contains("mailroom.data-dir", "mailroom.outgoing.retry-for");
        assertThat(readInCode()).as("mailroom.* settings read directly in %s", MAIN_SOURCES)
                .contains("mailroom.base-url", "mailroom.console.time-zone");
    }

    private static boolean exists(String mention, Set<String> settings) {
        if (mention.endsWith(".*")) {
            String prefix = mention.substring(0, mention.length() - 2);
            return settings.contains(prefix) || settings.stream().anyMatch(name -> name.startsWith(prefix + "."));
        }
        return settings.contains(mention.replaceFirst("\\[\\d+]$", ""));
    }

    static SortedSet<String> settings() {
        SortedSet<String> settings = new TreeSet<>(fromMetadata());
        settings.addAll(readInCode());
        return settings;
    }

    static SortedSet<String> fromMetadata() {
        assertThat(METADATA).as("Spring Boot's configuration metadata; compile the main code first (./mvnw compile)")
                .exists();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedSet<String> names = new TreeSet<>();
        for (JsonNode property : root.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("mailroom.")) {
                names.add(name);
            }
        }
        return names;
    }

    static SortedSet<String> readInCode() {
        SortedSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : READ_IN_CODE) {
                    Matcher read = pattern.matcher(source);
                    while (read.find()) {
                        names.add(read.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The backticked {@code mailroom.*} names in the first column of the page's tables. */
    private static SortedSet<String> documentedInTable() {
        SortedSet<String> names = new TreeSet<>();
        Pattern backticked = Pattern.compile("`(mailroom\\.[a-z0-9.-]*[a-z0-9])`");
        for (String line : DocsPages.read(CONFIGURATION_PAGE).split("\n")) {
            String[] cells = line.split("\\|");
            if (line.startsWith("|") && cells.length > 2) {
                Matcher name = backticked.matcher(cells[1]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }
}
