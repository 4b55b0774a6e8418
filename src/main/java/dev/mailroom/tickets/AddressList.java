package dev.mailroom.tickets;

import java.util.Arrays;
import java.util.List;

import dev.mailroom.web.BadRequestException;

/** To and Cc lists are stored as bare addresses joined by commas; an address may therefore not contain one. */
final class AddressList {

    private AddressList() {
    }

    static String join(String field, List<String> addresses) {
        List<String> cleaned = addresses.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        for (String address : cleaned) {
            if (address.contains(",") || address.chars().anyMatch(Character::isISOControl)) {
                throw new BadRequestException(field, "must hold bare email addresses, not " + address);
            }
        }
        return cleaned.isEmpty() ? null : String.join(",", cleaned);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(String::strip).toList();
    }
}
