package dev.mailroom.addresses;

import java.util.List;
import java.util.Optional;

/**
 * A server's Filter Configuration. An address entry matches that sender; a domain entry matches every sender of that
 * domain and its subdomains. ALLOW ignores everyone not listed, IGNORE ignores everyone listed
 * (audit: "Sender matched spam/ignore filter").
 */
public record AddressFilter(FilterType type, List<String> entries) {

    public AddressFilter {
        entries = List.copyOf(entries);
    }

    public boolean ignores(String senderAddress) {
        boolean listed = listed(senderAddress);
        return type == FilterType.ALLOW ? !listed : listed;
    }

    public boolean listed(String senderAddress) {
        return matchingEntry(senderAddress).isPresent();
    }

    /** The entry that lists this sender, to tell the admin which one to review. */
    public Optional<String> matchingEntry(String senderAddress) {
        if (senderAddress == null || senderAddress.indexOf('@') < 0) {
            return Optional.empty();
        }
        String address = AddressSyntax.key(senderAddress);
        String domain = AddressSyntax.domainOf(address);
        for (String entry : entries) {
            String key = AddressSyntax.key(entry);
            boolean match = key.indexOf('@') >= 0 ? key.equals(address) : domain.equals(key) || domain.endsWith("." + key);
            if (match) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Why this sender is ignored, or empty if it is not. */
    public Optional<String> whyIgnored(String senderAddress) {
        Optional<String> entry = matchingEntry(senderAddress);
        if (type == FilterType.IGNORE) {
            return entry.map(listedAs -> senderAddress + " matches the Ignore list entry " + listedAs);
        }
        return entry.isPresent() ? Optional.empty()
                : Optional.of(senderAddress + " is not on the Allow list (" + String.join(", ", entries) + ")");
    }
}
