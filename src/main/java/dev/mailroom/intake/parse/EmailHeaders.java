package dev.mailroom.intake.parse;

import java.util.List;
import java.util.Optional;

/** The top-level header fields in their original order. Names match case-insensitively. */
public record EmailHeaders(List<Header> all) {

    public EmailHeaders {
        all = List.copyOf(all);
    }

    /** Every value of the header, in order; empty if absent. */
    public List<String> values(String name) {
        return all.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        return all.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public boolean has(String name) {
        return all.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }
}
