package dev.mailroom.outgoing.sending;

import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The message ready for the wire, its envelope recipients, and the attachments left out of it (with why). */
record ComposedEmail(MimeMessage message, InternetAddress[] recipients, List<String> leftOut) {
}
