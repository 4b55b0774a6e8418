package dev.mailroom.intake.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

/**
 * Removes quoted history from an HTML reply where the client marks it: Gmail's {@code gmail_quote}, Apple's and
 * Thunderbird's {@code blockquote type=cite}, Outlook's {@code divRplyFwdMsg}, {@code OLK_SRC_BODY_SECTION},
 * {@code appendonsend} and its border-top header block, Yahoo's {@code yahoo_quoted}; failing those, the first
 * element whose text begins like a quote header ("-----Original Message-----", "From: … Sent: …", "On … wrote:").
 * Everything from that point to the end of the document goes. If nothing would be left, nothing is removed.
 */
final class HtmlQuotes {

    private HtmlQuotes() {
    }

    /** The HTML without its quoted history (not yet sanitized). */
    static String withoutHistory(String html) {
        if (html == null) {
            return null;
        }
        Document document = Jsoup.parse(html);
        String before = document.body().text();
        if (before.isBlank()) {
            return html;
        }
        document.select("div.gmail_quote, blockquote.gmail_quote, div.gmail_quote_container, .moz-cite-prefix, "
                + "#OLK_SRC_BODY_SECTION, .yahoo_quoted, div[id^=yahoo_quoted], blockquote[type=cite]").remove();
        Element marker = document.selectFirst("#divRplyFwdMsg, div[id^=x_divRplyFwdMsg], #appendonsend, "
                + "div[name=divRplyFwdMsg]");
        if (marker != null) {
            Element previous = marker.previousElementSibling();
            cutFrom(previous != null && previous.tagName().equals("hr") ? previous : marker);
        }
        Element headerBlock = outlookHeaderBlock(document);
        if (headerBlock != null) {
            cutFrom(headerBlock);
        }
        Element quoteStart = firstElementStartingHistory(document);
        if (quoteStart != null) {
            cutFrom(quoteStart);
        }
        removeTrailingBlockquote(document);
        if (document.body().text().isBlank()) {
            return html;
        }
        return document.body().html();
    }

    /** Outlook desktop puts the quoted message's headers in a div with a top border, or after an {@code <hr>}. */
    private static Element outlookHeaderBlock(Document document) {
        for (Element element : document.body().select("div[style], hr")) {
            String style = element.attr("style").toLowerCase().replace(" ", "");
            boolean separated = element.tagName().equals("hr") || style.contains("border-top:solid")
                    || style.contains("border-top:1pxsolid") || style.contains("border-top-style:solid");
            if (!separated) {
                continue;
            }
            String following = element.tagName().equals("hr") ? textAfter(element) : element.text();
            if (QuoteMarkers.startsHeaderBlock(following)) {
                return element;
            }
        }
        return null;
    }

    private static String textAfter(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node sibling = element.nextSibling(); sibling != null && text.length() < 500; sibling = sibling.nextSibling()) {
            text.append(sibling instanceof Element e ? e.text() : sibling.outerHtml()).append(' ');
        }
        return Jsoup.parse(text.toString()).text();
    }

    private static Element firstElementStartingHistory(Document document) {
        Elements candidates = document.body().select("p, div, span, font, td, b, blockquote, pre");
        for (Element element : candidates) {
            String text = element.text();
            if (text.length() > 2000 && !QuoteMarkers.startsHistory(text.substring(0, 2000))) {
                continue;
            }
            if (QuoteMarkers.startsHistory(text)) {
                return outermostStartingWith(element);
            }
        }
        return null;
    }

    /** Climbs to the largest ancestor that still starts with the element, so the cut takes its whole block. */
    private static Element outermostStartingWith(Element element) {
        Element current = element;
        while (current.parent() != null && !current.parent().tagName().equals("body")
                && current.parent().text().startsWith(current.text()) && current.elementSiblingIndex() == 0
                && current.parent().text().length() == current.text().length()) {
            current = current.parent();
        }
        return current;
    }

    /**
     * A blockquote that ends the document after the author's text is the quoted message (mail.ru, Yandex and many
     * webmailers mark it no other way); the line just above it ending in a colon is its attribution.
     */
    private static void removeTrailingBlockquote(Document document) {
        Elements quotes = document.body().select("blockquote");
        if (quotes.isEmpty()) {
            return;
        }
        Element last = quotes.last();
        while (last.parent() != null && last.parent().tagName().equals("blockquote")) {
            last = last.parent();
        }
        if (!textAfter(last).isBlank()) {
            return;
        }
        Node attributionEnd = last.previousSibling();
        last.remove();
        removeAttribution(attributionEnd);
    }

    /** Removes the inline nodes of the last line before {@code node} if they read like "…, X &lt;x@y&gt;:". */
    private static void removeAttribution(Node node) {
        Node current = node;
        int breaks = 0;
        while (current != null && (isBlankText(current) || isBreak(current)) && breaks < 2) {
            breaks += isBreak(current) ? 1 : 0;
            current = current.previousSibling();
        }
        if (current instanceof Element block && !isInline(block)) {
            removeAttribution(block.childNodeSize() == 0 ? null : block.childNode(block.childNodeSize() - 1));
            return;
        }
        java.util.List<Node> line = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (current != null && !isBreak(current) && (!(current instanceof Element e) || isInline(e))) {
            line.add(current);
            text.insert(0, current instanceof Element e ? e.text() : current instanceof org.jsoup.nodes.TextNode t
                    ? t.text() : "");
            current = current.previousSibling();
        }
        String attribution = text.toString().strip();
        if (!attribution.isEmpty() && attribution.length() < 300
                && (attribution.endsWith(":") || attribution.endsWith("："))) {
            line.forEach(Node::remove);
        }
    }

    private static boolean isBlankText(Node node) {
        return node instanceof org.jsoup.nodes.TextNode text && text.isBlank();
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element element && element.tagName().equals("br");
    }

    private static boolean isInline(Element element) {
        return element.tag().isInline() && !element.tagName().equals("br");
    }

    /** Removes the element and everything after it in document order. */
    private static void cutFrom(Element element) {
        Element current = element;
        while (current != null && !current.tagName().equals("body")) {
            Node sibling = current.nextSibling();
            while (sibling != null) {
                Node next = sibling.nextSibling();
                sibling.remove();
                sibling = next;
            }
            current = current.parent();
        }
        element.remove();
    }
}
