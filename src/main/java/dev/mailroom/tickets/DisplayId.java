package dev.mailroom.tickets;

/** A ticket's human-facing name: its prefix followed by its number, as in {@code INC-7}. */
public record DisplayId(String prefix, long number) {

    @Override
    public String toString() {
        return prefix + number;
    }
}
