package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.mailroom.storage.FileSystemBlobStore;

/** Zammad's parser output for its test mails: addresses, subject, attachment names and types. */
class ZammadCorpusTest {

    /** Differences we defend, by box and field, with the reason. */
    private static final Map<String, String> KNOWN_EXCEPTIONS = Map.ofEntries(
            Map.entry("mail016 from", "From is the null address <>: Zammad takes the author from another header, "
                    + "we report no author and let the pipeline decide"),
            Map.entry("mail019 from", "the same: From: \"…\" <>"),
            Map.entry("mail046 subject", "raw GB2312 headers, and no charset in the message's own text parts to "
                    + "say so: without a label GB2312 cannot be told from Latin-1 safely, so we read windows-1252"),
            Map.entry("mail046 from_display_name", "the same raw GB2312 header"),
            Map.entry("mail046 attachments", "the attached message is named after that same raw GB2312 subject"),
            Map.entry("mail018 subject", "Zammad leaves the UTF-7 word +ANw- undecoded; we decode it to Ü"),
            Map.entry("mail073 attachments", "Zammad turns the Latin-1 ö of a raw 8-bit file name into U+FFFD; we "
                    + "read it as ö"),
            Map.entry("mail076 from", "From: \"Millions Lottery Spain transfer\"@example.com> is broken; Zammad "
                    + "keeps the debris as an address, we find none and note a parse problem"),
            Map.entry("mail076 from_display_name", "the same broken From"),
            Map.entry("mail087 from", "From: Test test@example.com lacks brackets; Zammad takes \"test "
                    + "test@example.com\" as the address, we take test@example.com"),
            Map.entry("mail087 from_display_name", "the same: we read the display name as \"Test\""),
            Map.entry("mail087 attachments", "an empty MIME part: Zammad keeps it as a file named \"file\", we "
                    + "read it as an empty text part"),
            Map.entry("mail062 attachments", "unnamed parts: Zammad makes up image000.jpg / document.html / "
                    + "video.mov, we make up attachment-N.ext and read the unnamed text/html parts as body"),
            Map.entry("mail080 attachments", "an unnamed image: Zammad calls it image.jpg, we attachment-1.jpg"),
            Map.entry("mail100 attachments", "unnamed parts: Zammad names one after its Content-ID and one "
                    + "image.jpg, we make up attachment-N names"),
            Map.entry("mail102 attachments", "two files with the same name: Zammad renames the second "
                    + "(\"at 091.00.38.png\"), we keep the sender's names; the blobs differ"));

    @TempDir
    Path blobs;

    @Test
    void addressesSubjectsAndAttachmentsMatchZammad() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        List<String> failures = new ArrayList<>();
        int boxes = 0;
        int checks = 0;
        try (Stream<Path> files = Files.list(Corpus.file("zammad/mail"))) {
            for (Path yml : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                String name = yml.getFileName().toString().replace(".yml", "");
                Map<String, Object> expected = load(yml);
                ParsedEmail email;
                try (InputStream in = Files.newInputStream(yml.resolveSibling(name + ".box"))) {
                    email = parser.parse(in);
                }
                boxes++;
                List<String> differences = new ArrayList<>();
                checks += compare(expected, email, differences);
                for (String difference : differences) {
                    String key = name + " " + difference.substring(0, difference.indexOf(':'));
                    if (!KNOWN_EXCEPTIONS.containsKey(key)) {
                        failures.add(name + " " + difference);
                    }
                }
            }
        }
        System.out.printf("zammad: %d boxes, %d field checks, %d differ beyond the %d known exceptions%n", boxes,
                checks, failures.size(), KNOWN_EXCEPTIONS.size());
        failures.forEach(f -> System.out.println("  differs: " + f));
        assertThat(boxes).isEqualTo(85);
        assertThat(failures).isEmpty();
    }

    private static int compare(Map<String, Object> expected, ParsedEmail email, List<String> differences) {
        int checks = 0;
        if (expected.get("from_email") != null) {
            checks++;
            String from = email.addresses().author().map(EmailAddress::address).orElse(null);
            check(differences, "from", lower(expected.get("from_email")), from);
        }
        if (expected.get("from_display_name") != null && !String.valueOf(expected.get("from_display_name")).isEmpty()) {
            checks++;
            String name = email.addresses().author().map(EmailAddress::displayName).orElse(null);
            check(differences, "from_display_name", String.valueOf(expected.get("from_display_name")), name);
        }
        for (String field : List.of("to", "cc")) {
            if (expected.get(field) != null) {
                checks++;
                List<String> want = AddressListParser.parse(String.valueOf(expected.get(field))).stream()
                        .map(EmailAddress::address).toList();
                List<EmailAddress> got = field.equals("to") ? email.addresses().to() : email.addresses().cc();
                check(differences, field, want.toString(), got.stream().map(EmailAddress::address).toList().toString());
            }
        }
        if (expected.get("subject") != null) {
            checks++;
            check(differences, "subject", String.valueOf(expected.get("subject")), email.subject());
        }
        List<String> want = new ArrayList<>();
        if (expected.get("attachments") instanceof List<?> attachments) {
            for (Object item : attachments) {
                Map<?, ?> attachment = (Map<?, ?>) item;
                Map<?, ?> preferences = (Map<?, ?>) attachment.get("preferences");
                if (preferences != null && (preferences.containsKey("content-alternative")
                        || preferences.containsKey("original-format"))) {
                    continue;
                }
                String type = preferences == null ? null : (String) preferences.get("Mime-Type");
                want.add(attachment.get("filename") + " " + lower(type));
            }
        }
        // Every file Zammad keeps must be among ours. We keep more: inline images (Zammad embeds them in the
        // HTML), signatures and report parts (which Zammad drops), because nothing may be lost.
        checks++;
        List<String> got = new ArrayList<>(email.attachments().stream()
                .map(a -> a.fileName() + " " + a.contentType()).toList());
        List<String> missing = new ArrayList<>();
        for (String file : want) {
            if (!got.remove(file)) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            differences.add("attachments: missing " + missing + "; ours " + email.attachments().stream()
                    .map(a -> a.fileName() + " " + a.contentType()).toList());
        }
        return checks;
    }

    private static void check(List<String> differences, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(field + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static String lower(Object value) {
        return value == null ? null : String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path yml) throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new IgnoringUnknownTags(options));
        return (Map<String, Object>) yaml.load(Files.readString(yml));
    }

    /** Reads Ruby-tagged nodes (!ruby/hash:…) as plain maps, lists and strings. */
    private static final class IgnoringUnknownTags extends SafeConstructor {

        IgnoringUnknownTags(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof MappingNode mapping) {
                        return constructMapping(mapping);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructScalar((ScalarNode) node);
                }
            });
        }
    }
}
