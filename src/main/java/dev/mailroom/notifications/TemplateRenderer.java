package dev.mailroom.notifications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;

import dev.mailroom.tickets.threading.SubjectReferences;

/**
 * Renders notification templates with JMustache (logic-less): the HTML body with HTML escaping ({@code {{{x}}}} for
 * HTML that is already safe, such as a sanitized reply), subject and text body without. A field that does not exist
 * (a typo) is an error rather than an empty string, so an admin learns of it when saving; a field without a value
 * renders empty. The subject always carries the ticket reference intake recognises: if the template dropped it,
 * {@code [INC-42]} is put in front.
 */
@Component
public class TemplateRenderer {

    private static final Pattern LINE = Pattern.compile("@ line (\\d+)");

    private final Mustache.Compiler text = compiler(false);
    private final Mustache.Compiler html = compiler(true);
    /**
     * Compiled templates by source: compiling cost more than rendering, once per notification. The few templates
     * in use (three kinds, three parts each, plus an admin's drafts in previews) fit easily.
     */
    private final Map<String, Template> compiled = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
            return size() > 64;
        }
    });

    private static Mustache.Compiler compiler(boolean escapeHtml) {
        return Mustache.compiler().escapeHTML(escapeHtml).nullValue("").emptyStringIsFalse(true).zeroIsFalse(false)
                .strictSections(true);
    }

    /** Renders all three parts; a broken template is a {@link TemplateSyntaxException} naming the part. */
    RenderedNotification render(NotificationTemplate template, Map<String, Object> fields, String displayId,
            String prefix) {
        String subject = oneLine(render("subject", text, template.subject(), fields));
        boolean referenced = carriesReference(subject, displayId, prefix);
        return new RenderedNotification(referenced ? subject : ("[" + displayId + "] " + subject).strip(),
                render("bodyText", text, template.bodyText(), fields), render("bodyHtml", html, template.bodyHtml(), fields),
                !referenced);
    }

    private String render(String field, Mustache.Compiler compiler, String source, Map<String, Object> fields) {
        Template template;
        try {
            template = compile(compiler, source == null ? "" : source);
        } catch (MustacheParseException e) {
            throw new TemplateSyntaxException(field, "template syntax error" + lineOf(e) + ": " + withoutLine(e));
        }
        try {
            return template.execute(fields);
        } catch (MustacheException.Context e) {
            throw new TemplateSyntaxException(field, "unknown field '" + e.key + "' on line " + e.lineNo);
        } catch (MustacheException | UnsupportedOperationException e) {
            throw new TemplateSyntaxException(field, "template error" + lineOf(e) + ": " + withoutLine(e));
        }
    }

    private Template compile(Mustache.Compiler compiler, String source) {
        String key = (compiler == html ? "html:" : "text:") + source;
        Template template = compiled.get(key);
        if (template == null) {
            template = compiler.compile(source);
            compiled.put(key, template);
        }
        return template;
    }

    static boolean carriesReference(String subject, String displayId, String prefix) {
        return SubjectReferences.find(subject, List.of(prefix)).stream()
                .anyMatch(reference -> reference.displayId().equalsIgnoreCase(displayId));
    }

    /** A header holds one line: line breaks an admin or a ticket subject brought in become spaces. */
    private static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {2,}", " ").strip();
    }

    private static String lineOf(Exception e) {
        Matcher line = LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? " on line " + line.group(1) : "";
    }

    private static String withoutLine(Exception e) {
        return LINE.matcher(String.valueOf(e.getMessage())).replaceAll("").strip();
    }
}
