package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parse problems of one message: distinct, in the order found, and bounded so a broken message stays small. */
final class Problems {

    private static final int MAX = 50;

    private final Set<String> problems = new LinkedHashSet<>();
    private int dropped;

    void add(String problem) {
        if (problem == null) {
            return;
        }
        if (problems.size() < MAX) {
            problems.add(problem);
        } else if (!problems.contains(problem)) {
            dropped++;
        }
    }

    List<String> list() {
        List<String> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(dropped + " more problems not listed");
        }
        return all;
    }
}
