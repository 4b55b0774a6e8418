package dev.mailroom.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Console pages as an admin opens them through MockMvc, parsed for CSS-selector assertions; each must answer 200. */
@TestComponent
public class AdminPages {

    public static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    private final MockMvc mvc;

    AdminPages(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Document get(String path) throws Exception {
        return parse(MockMvcRequestBuilders.get(path));
    }

    /** A page answered with another status than 200 (a problem page: 400, 404). */
    public Document get(String path, int expectedStatus) throws Exception {
        return Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get(path).with(ADMIN))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The part of a page htmx asks for (with its header). */
    public Document getFragment(String path) throws Exception {
        return parse(MockMvcRequestBuilders.get(path).header("HX-Request", "true"));
    }

    /** A form post with its CSRF token; {@code htmx} adds the header htmx sends, for the fragment it swaps in. */
    public Document post(String path, boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
        return parse(htmx ? request.header("HX-Request", "true") : request);
    }

    /** A form post with these fields (name, value, name, value, …) and its CSRF token, answered with a page (200). */
    public Document postForm(String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return parse(request);
    }

    private Document parse(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
