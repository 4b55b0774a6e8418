package dev.mailroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;

/**
 * Failures that happen before a console controller runs, over real HTTP (MockMvc renders no error page): an upload
 * above the multipart limit, a form without its CSRF token — each said in words, never the fallback page.
 */
@ConsoleTest
class ConsoleErrorPageTest {

    private static final String BOUNDARY = "mailroom-boundary";

    @Autowired
    Api api;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void anUploadAboveTheLimitIsAnsweredInWords() throws Exception {
        String token = csrfToken();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(part("_csrf", token).getBytes(StandardCharsets.UTF_8));
        body.write(part("body", "The logs, all of them.").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.log\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[26 * 1024 * 1024]);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/tickets/INC-1/notes"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(answer.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("h1").text()).isEqualTo("The upload is too large");
        assertThat(page.select("#problem").text()).startsWith("Mailroom takes files of up to 25MB each and 26MB in one form.");
        assertThat(answer.body()).doesNotContain("Whitelabel", "Exception");
    }

    @Test
    void aFormWithoutItsTokenIsAnsweredInWords() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/admin/users"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=x%40customer.test")));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(answer.body()).select("#problem").text()).contains("its security token expired");
    }

    @Test
    void anUnknownAddressIsAConsolePageButStaysJsonUnderTheApi() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/admin/no-such-screen")).GET());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Document document = Jsoup.parse(page.body());
        assertThat(document.title()).isEqualTo("Not found · Mailroom");
        assertThat(document.select("h1").text()).isEqualTo("Not found");
        assertThat(document.select("#problem").text()).isEqualTo("The page /admin/no-such-screen does not exist");
        assertThat(document.select("nav.sidebar")).as("the console's menu, to go on from").isNotEmpty();

        HttpResponse<String> top = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/no-such-page")).GET());
        assertThat(top.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(top.body()).select("h1").text()).isEqualTo("Not found");

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/no-such-resource"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).contains("json");

        HttpResponse<String> css = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/assets/console.css")).GET());
        assertThat(css.statusCode()).as("static files are still served").isEqualTo(200);
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/admin/users/new")).GET());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", auth).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
