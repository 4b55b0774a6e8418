package dev.mailroom.outgoing;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.addresses.FieldChecks;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.transport.SmtpPorts;

/**
 * The rules of an outgoing server that span fields, reported together with the Bean Validation errors as one problem
 * details answer. A missing Reply-To address is allowed here: the sender reports it as "configuration is not proper".
 */
@Component
public class OutgoingServerRequestValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return OutgoingServerRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        OutgoingServerRequest request = (OutgoingServerRequest) target;
        FieldChecks.host(errors, request.host(), "smtp.example.com");
        int port = request.effectivePort();
        if (port >= 1 && port <= 65535) {
            SmtpPorts.mismatch(port, request.effectiveSecurity())
                    .ifPresent(message -> FieldChecks.reject(errors, "security", message));
        }
        if (request.effectiveAuthentication() == SmtpAuthentication.PASSWORD
                && (request.username() == null || request.username().isBlank())) {
            FieldChecks.reject(errors, "username", "is required when the server signs in with a password (PASSWORD)");
        }
        if (request.effectiveAuthentication() == SmtpAuthentication.OAUTH2
                && (request.username() == null || request.username().isBlank())) {
            FieldChecks.reject(errors, "username", "is required when the server signs in with OAuth 2.0 (OAUTH2): "
                    + "the mailbox the token is for");
        }
        if (request.password() != null && request.password().length() > OutgoingServerRequest.MAX_PASSWORD_LENGTH) {
            FieldChecks.reject(errors, "password", "must be at most " + OutgoingServerRequest.MAX_PASSWORD_LENGTH + " characters");
        }
        address(errors, "fromAddress", request.fromAddress());
        address(errors, "replyToAddress", request.replyToAddress());
        address(errors, "testRecipient", request.testRecipient());
        FieldChecks.addressesOrDomains(errors, "filterEntries", request.filterEntries());
    }

    private static void address(Errors errors, String field, String value) {
        if (value != null && !value.isBlank() && !AddressSyntax.isAddress(value.trim())) {
            FieldChecks.reject(errors, field, FieldChecks.quoted(value.trim()) + " is not an email address");
        }
    }
}
