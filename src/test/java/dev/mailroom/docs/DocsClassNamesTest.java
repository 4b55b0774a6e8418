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

/**
 * Every class of this project that README.md and docs/ name in backticks exists, so a renamed or moved class does
 * not leave the documentation pointing at nothing.
 *
 * <p>A backticked span is taken for a class name when it is one identifier in UpperCamelCase of at least two words
 * ({@code MailboxPoller}), optionally with an annotation's {@code @}, a package in front ({@code intake.BulkReprocessing},
 * {@code dev.mailroom.MailroomApplication}) or a member behind ({@code Outbox.enqueue}, {@code UserService.create(…)}; a
 * one-word class counts only with a member). Spans qualified with another package ({@code jakarta.mail.util.StreamProvider})
 * are library classes and are left alone, as are the library and other names in {@link #NOT_PROJECT_CLASSES}.
 * Constants ({@code SEND_FAILED}), headers ({@code Auto-Submitted}) and commands are never UpperCamelCase identifiers.
 */
class DocsClassNamesTest {

    static final List<Path> SOURCE_ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"));

    /** Names the documentation mentions that are not classes of this project. */
    static final Set<String> NOT_PROJECT_CLASSES = Set.of(
            "FactoryFinder", "InternetHeaders", "MimeMessage", "ServiceLoader", "Process", // Jakarta Mail, the JDK
            "JdbcClient", "RestClient", "TransactionAwareDataSourceProxy",                  // Spring
            "JunkEmail",                                                                     // a Graph folder name
            "VmHWM", "VmRSS");                                                               // fields of /proc/self/status

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "@?((?:[a-z][a-z0-9_]*\\.)*)([A-Z][A-Za-z0-9]*)(\\.[a-z][A-Za-z0-9_]*(?:\\(.*\\))?)?");
    private static final Pattern UPPER_CAMEL_CASE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+");

    @Test
    void everyBacktickedClassNameExists() {
        Set<String> classes = projectClasses();
        Set<String> packages = topLevelPackages();
        List<String> missing = new ArrayList<>();
        for (Path page : DocsPages.all()) {
            Matcher span = CODE_SPAN.matcher(DocsPages.withoutCodeBlocks(DocsPages.read(page)));
            while (span.find()) {
                Matcher reference = CLASS_REFERENCE.matcher(span.group(1).strip());
                if (!reference.matches()) {
                    continue;
                }
                String qualifier = reference.group(1);
                String name = reference.group(2);
                boolean withMember = reference.group(3) != null;
                if (ofThisProject(qualifier, packages) && looksLikeClass(name, withMember)
                        && !NOT_PROJECT_CLASSES.contains(name) && !classes.contains(name)) {
                    missing.add(page + ": " + span.group(1).strip());
                }
            }
        }
        assertThat(missing).as("class names in the documentation with no .java file under %s", SOURCE_ROOTS)
                .isEmpty();
    }

    private static boolean looksLikeClass(String name, boolean withMember) {
        return UPPER_CAMEL_CASE.matcher(name).matches() || withMember && name.matches("[A-Z][a-z0-9]+");
    }

    /** No package, a package of this project relative to {@code dev.mailroom}, or {@code dev.mailroom} itself. */
    private static boolean ofThisProject(String qualifier, Set<String> packages) {
        if (qualifier.isEmpty() || qualifier.startsWith("dev.mailroom.")) {
            return true;
        }
        return packages.contains(qualifier.substring(0, qualifier.indexOf('.')));
    }

    /** The simple names of every .java file under the source roots. */
    static SortedSet<String> projectClasses() {
        SortedSet<String> names = new TreeSet<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(file -> file.getFileName().toString())
                        .filter(file -> file.endsWith(".java"))
                        .forEach(file -> names.add(file.substring(0, file.length() - ".java".length())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The packages right under {@code dev.mailroom}, in main and test code. */
    private static Set<String> topLevelPackages() {
        Set<String> names = new TreeSet<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> dirs = Files.list(root.resolve("dev/mailroom"))) {
                dirs.filter(Files::isDirectory).forEach(dir -> names.add(dir.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
