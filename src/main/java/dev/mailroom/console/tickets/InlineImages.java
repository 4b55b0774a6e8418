package dev.mailroom.console.tickets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.web.util.UriUtils;

import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentState;

/**
 * A mail's inline images ({@code <img src="cid:…">}) pointed at the console's download of the attachment that carries
 * that Content-ID; an image whose attachment is not stored (yet) keeps its {@code cid:}, which a browser cannot load.
 * Only the src of an image is changed, in HTML already sanitized, and to our own address.
 */
final class InlineImages {

    private InlineImages() {
    }

    static String resolve(String sanitizedHtml, List<Attachment> files, String ticketRef) {
        if (sanitizedHtml == null || files.isEmpty() || !sanitizedHtml.contains("cid:")) {
            return sanitizedHtml;
        }
        Map<String, Attachment> byContentId = files.stream()
                .filter(file -> file.contentId() != null && file.state() == AttachmentState.STORED)
                .collect(Collectors.toMap(Attachment::contentId, Function.identity(), (first, second) -> first));
        Document document = Jsoup.parseBodyFragment(sanitizedHtml);
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[src^=cid:]")) {
            // RFC 2392: the cid URL is the Content-ID, URL-encoded
            String contentId = UriUtils.decode(image.attr("src").substring("cid:".length()), StandardCharsets.UTF_8);
            Attachment file = byContentId.get(contentId);
            if (file != null) {
                image.attr("src", "/tickets/" + UriUtils.encodePathSegment(ticketRef, StandardCharsets.UTF_8)
                        + "/attachments/" + file.id());
            }
        }
        return document.body().html();
    }
}
