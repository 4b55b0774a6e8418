package dev.mailroom.console;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import dev.mailroom.web.PageResponse;

/** Paging of a console list: where the page stands, and the current address with another page number. */
public record PageLinks(int page, int totalPages, long totalItems, String previous, String next) {

    public static PageLinks of(PageResponse<?> response) {
        int page = response.page();
        String previous = page > 0 ? withPage(page - 1) : null;
        String next = page + 1 < response.totalPages() ? withPage(page + 1) : null;
        return new PageLinks(page, response.totalPages(), response.totalItems(), previous, next);
    }

    /** Relative (path and query), so it stays right behind a proxy that changes the host. */
    private static String withPage(int page) {
        UriComponents address = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build(true);
        return address.getPath() + "?" + address.getQuery();
    }
}
