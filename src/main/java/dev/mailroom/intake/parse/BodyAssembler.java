package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Entities;

import dev.mailroom.sanitize.MailHtml;

/**
 * Chooses and joins the body parts of the MIME tree: in multipart/alternative the last text and the last HTML
 * alternative; in multipart/related the root part; in any other multipart (mixed, report, signed, …) every body
 * part in order, so that text written around inline attachments is not lost. Where parts of a mixed message differ
 * in format, the text of an HTML part and an HTML rendering of a text part fill the gaps.
 */
final class BodyAssembler {

    /** Text only from text/plain parts and HTML only from text/html parts; either may be null. */
    record Bodies(String text, String html) {

        static final Bodies NONE = new Bodies(null, null);

        boolean isEmpty() {
            return text == null && html == null;
        }
    }

    private final Problems problems;

    BodyAssembler(Problems problems) {
        this.problems = problems;
    }

    Bodies assemble(PartNode root) {
        return collect(root);
    }

    private Bodies collect(PartNode node) {
        return switch (node.role) {
            case TEXT -> new Bodies(node.content, null);
            case HTML -> new Bodies(null, node.content);
            case MULTIPART -> multipart(node);
            default -> Bodies.NONE;
        };
    }

    private Bodies multipart(PartNode node) {
        List<Bodies> children = new ArrayList<>();
        for (PartNode child : node.children) {
            Bodies bodies = collect(child);
            if (!bodies.isEmpty()) {
                children.add(bodies);
            }
        }
        if (node.children.isEmpty() && node.preamble != null && !node.preamble.isBlank()) {
            problems.add("multipart " + node.mimeType + " has no parts (boundary never found); its text was used");
            return new Bodies(MimeWalker.normalizeNewlines(node.preamble), null);
        }
        if (children.isEmpty()) {
            return Bodies.NONE;
        }
        return switch (node.subtype()) {
            case "alternative" -> alternative(children);
            case "related" -> children.get(0);
            default -> concatenated(children);
        };
    }

    private static Bodies alternative(List<Bodies> children) {
        String text = null;
        String html = null;
        for (Bodies child : children) {
            text = child.text() != null ? child.text() : text;
            html = child.html() != null ? child.html() : html;
        }
        return new Bodies(text, html);
    }

    private static Bodies concatenated(List<Bodies> children) {
        if (children.size() == 1) {
            return children.get(0);
        }
        boolean anyText = children.stream().anyMatch(c -> c.text() != null);
        boolean anyHtml = children.stream().anyMatch(c -> c.html() != null);
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        for (Bodies child : children) {
            texts.add(child.text() != null ? child.text() : MailHtml.toText(child.html()));
            htmls.add(child.html() != null ? child.html() : textAsHtml(child.text()));
        }
        return new Bodies(anyText ? joinTexts(texts) : null, anyHtml ? String.join("\n", htmls) : null);
    }

    private static String joinTexts(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!joined.isEmpty()) {
                joined.append(joined.charAt(joined.length() - 1) == '\n' ? "\n" : "\n\n");
            }
            joined.append(text);
        }
        return joined.toString();
    }

    static String textAsHtml(String text) {
        if (text == null) {
            return "";
        }
        return "<div>" + Entities.escape(text).replace("\n", "<br>\n") + "</div>";
    }
}
