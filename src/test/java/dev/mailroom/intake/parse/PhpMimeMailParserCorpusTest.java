package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** php-mime-mail-parser's expectations: subjects, addresses, bodies (exact or by count) and attachments. */
class PhpMimeMailParserCorpusTest {

    /** Differences we defend, by mail and check, with the reason. */
    private static final Map<String, String> KNOWN_EXCEPTIONS = Map.of(
            "m0010 attachments", "an unnamed part: PHP calls it noname1, we attachment-1.bin (same size and type)",
            "m0020 attachments", "an unnamed calendar part: PHP calls it noname1, we attachment-1.ics");

    @TempDir
    Path blobs;

    @Test
    void messagesMatchTheExpectations() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        JsonNode cases = JsonMapper.builder().build().readTree(Corpus.text("php-mime-mail-parser/expected.json"));
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (JsonNode expected : cases) {
            String mail = expected.get("mail").asString();
            Path file = Corpus.root().resolve("php-mime-mail-parser/mails").resolve(mail);
            if (!Files.exists(file)) {
                file = file.resolveSibling(mail + ".eml");
            }
            ParsedEmail email;
            try (InputStream in = Files.newInputStream(file)) {
                email = parser.parse(in);
            }
            List<String> differences = new ArrayList<>();
            checks += 6;
            check(differences, "subject", expected.get("subject").asString(), email.subject());
            check(differences, "from", addresses(expected.get("from_addresses")), addresses(email.addresses().from()));
            check(differences, "to", addresses(expected.get("to_addresses")), addresses(email.addresses().to()));
            body(differences, "text", expected.get("text_expected"), email.body().textOrigin() == TextOrigin.TEXT_PART
                    ? email.body().text() : "");
            body(differences, "html", expected.get("html_expected"), Objects.toString(email.body().html(), ""));
            check(differences, "attachments", attachments(expected.get("attachments")), email.attachments().stream()
                    .map(a -> a.fileName() + " " + a.size() + " " + a.contentType()).toList().toString());
            for (String difference : differences) {
                if (!KNOWN_EXCEPTIONS.containsKey(mail + " " + difference.substring(0, difference.indexOf(':')))) {
                    failures.add(mail + " " + difference);
                }
            }
        }
        System.out.printf("php-mime-mail-parser: %d messages, %d checks, %d differ beyond %d known exceptions%n",
                cases.size(), checks, failures.size(), KNOWN_EXCEPTIONS.size());
        failures.forEach(f -> System.out.println("  differs: " + f));
        assertThat(cases.size()).isEqualTo(22);
        assertThat(failures).isEmpty();
    }

    private static void body(List<String> differences, String field, JsonNode expectation, String actual) {
        String mode = expectation.get("mode").asString();
        if (mode.equals("MATCH")) {
            // PHP keeps the line break before the next boundary; RFC 2046 gives it to the boundary, and so do we.
            check(differences, field, strip(expectation.get("value").asString()), strip(actual));
        } else {
            String substring = expectation.get("substring").asString();
            int count = 0;
            for (int at = actual.indexOf(substring); at >= 0; at = actual.indexOf(substring, at + substring.length())) {
                count++;
            }
            check(differences, field, expectation.get("count").asInt() + " × " + substring, count + " × " + substring);
        }
    }

    private static String strip(String text) {
        return text.replace("\r\n", "\n").replaceAll("\n+$", "");
    }

    private static String addresses(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode address : list) {
            out.add(address.get("address").asString().toLowerCase());
        }
        return out.toString();
    }

    private static String addresses(List<EmailAddress> list) {
        return list.stream().map(EmailAddress::address).toList().toString();
    }

    private static String attachments(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode attachment : list) {
            out.add(attachment.get("filename").asString() + " " + attachment.get("size_bytes").asLong() + " "
                    + attachment.get("content_type").asString());
        }
        return out.toString();
    }

    private static void check(List<String> differences, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(field + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
