package dev.mailroom.console;

/**
 * The console's forms work with and without JavaScript: htmx (which sends {@code HX-Request}) gets only the part of the
 * page it swaps in, a plain form post the whole page.
 */
public final class Htmx {

    public static final String REQUEST_HEADER = "HX-Request";

    private Htmx() {
    }

    public static String view(String hxRequest, String page, String fragment) {
        return hxRequest == null ? page : page + " :: " + fragment;
    }
}
