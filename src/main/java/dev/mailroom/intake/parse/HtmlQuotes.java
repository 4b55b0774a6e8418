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
            if (QuoteMarkers.startsHistory(following)) {
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
