package dev.mailroom.intake.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.mime4j.stream.EntityState;

/**
 * Numbers the parts of a message as a mime4j token stream walks it, in IMAP's style: the body of a single-part
 * message is {@code 1}, the children of a multipart {@code 1, 2, …}, their children {@code 2.1, 2.2, …}. Two walks
 * over the same bytes with the same {@link MimeStreams} settings give every part the same number, which is how a
 * part left in the raw email at intake is found again later.
 */
final class PartNumbers {

    private final Deque<Integer> childrenSeen = new ArrayDeque<>();
    private final List<Integer> path = new ArrayList<>();

    /** Call with every state the token stream reaches. */
    void follow(EntityState state) {
        switch (state) {
            case T_START_MULTIPART -> childrenSeen.push(0);
            case T_END_MULTIPART -> childrenSeen.poll();
            case T_START_BODYPART -> {
                int number = (childrenSeen.isEmpty() ? 0 : childrenSeen.pop()) + 1;
                childrenSeen.push(number);
                path.add(number);
            }
            case T_END_BODYPART -> {
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
            }
            default -> {
                // other states do not change where the walk is
            }
        }
    }

    /** The number of the entity the walk is in. */
    String current() {
        return path.isEmpty() ? "1" : path.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
