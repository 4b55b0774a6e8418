package dev.mailroom.console;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * Answers Test Connection of a server, saved or as its form shows it, incoming or outgoing
 * (templates/console/connection-test.html): each step for htmx to swap in beside the server or under the form, or the
 * whole page without it. A test refused before it starts (a stored
 * password that no longer decrypts, a test recipient that is no address) is said in the same place.
 */
public record ConnectionTestPage(String section, String serversPath, String serversLabel) {

    public static final ConnectionTestPage INCOMING =
            new ConnectionTestPage("incoming", "/admin/incoming-email-servers", "Incoming Email Servers");
    public static final ConnectionTestPage OUTGOING =
            new ConnectionTestPage("outgoing", "/admin/outgoing-email-servers", "Outgoing Email Servers");

    /** The server forms' labels by field, so that a refusal names the field as the admin sees it. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("mailboxAddresses", "Mailbox addresses"), Map.entry("protocol", "Protocol"),
            Map.entry("host", "Host"), Map.entry("port", "Port"), Map.entry("security", "Security"),
            Map.entry("username", "Username"), Map.entry("password", "Password"), Map.entry("folder", "Folder"),
            Map.entry("pollIntervalSeconds", "Poll every (seconds)"), Map.entry("requestIdPrefixes", "Request-ID prefixes"),
            Map.entry("technicianGroupId", "Default technician group"), Map.entry("categoryId", "Default category"),
            Map.entry("outgoingServerId", "Outgoing server"), Map.entry("filterType", "Type"),
            Map.entry("transport", "Send through"), Map.entry("authentication", "Authentication"),
            Map.entry("connectTimeoutSeconds", "Connect timeout (seconds)"),
            Map.entry("readTimeoutSeconds", "Read timeout (seconds)"), Map.entry("fromAddress", "From address"),
            Map.entry("fromName", "From name"), Map.entry("replyToAddress", "Reply-To address"),
            Map.entry("maxAttachmentMegabytes", "Maximum attachment size (MB)"),
            Map.entry("testRecipient", "Send a test email to"));

    /**
     * Test Connection of a server form's settings as typed, nothing saved: the test runs only if they pass the API's
     * rules ({@code passesRules}); otherwise each broken rule is said where the result goes.
     */
    public String answerUnsaved(String hxRequest, Model model, String typedName, boolean passesRules, BindingResult errors,
            Supplier<ConnectionTestResult> test) {
        UnsavedSettings tested = UnsavedSettings.named(typedName);
        return passesRules ? answer(hxRequest, model, tested, test) : refused(hxRequest, model, tested, errors);
    }

    public String answer(String hxRequest, Model model, Object server, Supplier<ConnectionTestResult> test) {
        describe(model, server);
        try {
            model.addAttribute("result", test.get());
        } catch (ConflictException e) {
            // htmx swaps only successful answers, so a refusal is a 200 with the reason
            model.addAttribute("testProblem", e.getMessage());
        } catch (BadRequestException e) {
            model.addAttribute("testProblem", label(e.field()) + ": " + e.getMessage());
        }
        return Htmx.view(hxRequest, "console/connection-test", "result");
    }

    /** A test not started because the settings break the API's rules: each broken rule in the result's place. */
    private String refused(String hxRequest, Model model, Object server, BindingResult errors) {
        describe(model, server);
        model.addAttribute("testProblem", "Not tested: " + errors.getAllErrors().stream()
                .map(this::problem).collect(Collectors.joining("; ")));
        return Htmx.view(hxRequest, "console/connection-test", "result");
    }

    private void describe(Model model, Object server) {
        model.addAttribute("section", section);
        model.addAttribute("serversPath", serversPath);
        model.addAttribute("serversLabel", serversLabel);
        model.addAttribute("server", server);
    }

    private String problem(ObjectError error) {
        if (error instanceof FieldError field) {
            // a conversion failure's default message is the Java exception, which says nothing to an admin
            return label(field.getField()) + ": " + (field.isBindingFailure() ? "is not a valid value" : field.getDefaultMessage());
        }
        // a rule on a setting the form has no field for says "field: message"
        String message = error.getDefaultMessage();
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon > 0 ? label(message.substring(0, colon)) + message.substring(colon) : message;
    }

    /** "Mailbox addresses" for {@code mailboxAddresses[1]}; a field no form shows keeps its name. */
    String label(String field) {
        String property = field == null ? "" : field.replaceAll("\\[.*$", "");
        if (property.equals("filterEntries")) {
            return section.equals("incoming") ? "Addresses and domains" : "Recipients never sent to";
        }
        return LABELS.getOrDefault(property, field);
    }
}
