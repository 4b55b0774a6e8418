package dev.mailroom.sanitize;

import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML from mail and from API clients, made safe to show in a browser (OWASP sanitizer: no scripts, no event handlers,
 * no javascript: links, images only from https, cid: or data:) and turned into plain text where only text will do.
 */
public final class MailHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowUrlProtocols("https", "cid", "data")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
                    .allowElements("hr", "pre", "code", "span", "font")
                    .allowAttributes("color").onElements("font")
                    .toFactory());

    private MailHtml() {
    }

    public static String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }

    /** The text a reader would see, with line breaks kept between blocks. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        var document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").before("\\n");
        return document.text().replace("\\n", "\n").replaceAll("[ \\t]*\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
