package dev.mailroom.incoming;

import java.util.List;

/**
 * A server's Filter Configuration. An address entry matches that sender; a domain entry matches every sender of that
 * domain and its subdomains. ALLOW ignores everyone not listed, IGNORE ignores everyone listed
 * (audit: "Sender matched spam/ignore filter").
 */
public record SenderFilter(FilterType type, List<String> entries) {

    public SenderFilter {
        entries = List.copyOf(entries);
    }

    public boolean ignores(String senderAddress) {
        boolean listed = listed(senderAddress);
        return type == FilterType.ALLOW ? !listed : listed;
    }

    public boolean listed(String senderAddress) {
        if (senderAddress == null || senderAddress.indexOf('@') < 0) {
            return false;
        }
        String address = AddressSyntax.key(senderAddress);
        String domain = AddressSyntax.domainOf(address);
        for (String entry : entries) {
            String key = AddressSyntax.key(entry);
            boolean match = key.indexOf('@') >= 0 ? key.equals(address) : domain.equals(key) || domain.endsWith("." + key);
            if (match) {
                return true;
            }
        }
        return false;
    }
}
