/**
 * The admin web console's shared parts (Thymeleaf and htmx): the layout's signed-in operator, error pages, home and
 * login, the Not found page for unknown console addresses, the console's time zone, paging links, provider presets, the base mail server form, saving a form under the
 * API's rules and the Test Connection answer. The screens live in the subpackages, which import this one. An edge: it
 * may import any lower layer (and {@code security.Role}); nothing outside the console imports it.
 */
package dev.mailroom.console;
