package dev.mailroom.outgoing.sending;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import org.springframework.stereotype.Component;

import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.outgoing.outbox.RecipientKind;
import dev.mailroom.platform.ByteSizes;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.sanitize.MailHtml;
import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentRepository;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.AttachmentState;

/**
 * Builds the MIME message of an outbox email for one server: From and Reply-To of the server, the recipients still
 * pending, our stored Message-ID and threading headers, text and HTML as alternatives, and the attachments that fit
 * under the server's size limit (streamed from the blob store when the message is written).
 *
 * <p>Automatic mail carries {@code Auto-Submitted: auto-generated} (RFC 3834) and
 * {@code X-Auto-Response-Suppress: All} (Exchange / Microsoft 365), plus {@code Precedence: bulk}, which older
 * vacation programs and Gmail's responder still look for; a technician's reply is written by a person and carries
 * none of them, so an out-of-office to it is answered as to any mail.
 */
@Component
class MessageComposer {

    private final AttachmentRepository attachmentRows;
    private final AttachmentService attachments;
    private final OwnMailSeal seal;

    MessageComposer(AttachmentRepository attachmentRows, AttachmentService attachments, OwnMailSeal seal) {
        this.attachmentRows = attachmentRows;
        this.attachments = attachments;
        this.seal = seal;
    }

    ComposedEmail compose(QueuedEmail email, OutgoingServer server, Map<QueuedRecipient, InternetAddress> recipients,
            Session session) throws MessagingException {
        OutgoingServerSettings settings = server.settings();
        MimeMessage message = new StoredIdMimeMessage(session, HeaderValues.messageId(email.messageId()));
        message.setFrom(from(settings));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(HeaderValues.oneLine(settings.replyToAddress()))});
        for (Map.Entry<QueuedRecipient, InternetAddress> recipient : recipients.entrySet()) {
            message.addRecipient(recipient.getKey().kind() == RecipientKind.CC ? Message.RecipientType.CC
                    : Message.RecipientType.TO, recipient.getValue());
        }
        message.setSubject(HeaderValues.oneLine(email.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(email.createdAt()));
        threading(message, email);
        message.setHeader(MailIdentity.NOTIFICATION_HEADER, email.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        message.setHeader(OwnMailSeal.HEADER, seal.of(email.messageId()));
        if (email.automatic()) {
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader("Precedence", "bulk");
        }
        List<String> leftOut = new ArrayList<>();
        List<MimeBodyPart> files = attachmentsWithin(email, server, leftOut);
        if (files.isEmpty()) {
            fillBody(message, email);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            fillBody(body, email);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (MimeBodyPart file : files) {
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return new ComposedEmail(message, recipients.values().toArray(InternetAddress[]::new), leftOut);
    }

    private static InternetAddress from(OutgoingServerSettings settings) throws MessagingException {
        String address = HeaderValues.oneLine(settings.fromAddress());
        String name = HeaderValues.oneLine(settings.fromName());
        try {
            return name == null || name.isEmpty() ? new InternetAddress(address)
                    : new InternetAddress(address, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static void threading(MimeMessage message, QueuedEmail email) throws MessagingException {
        String inReplyTo = HeaderValues.oneLine(email.inReplyTo());
        if (inReplyTo != null && !inReplyTo.isEmpty()) {
            message.setHeader("In-Reply-To", inReplyTo);
        }
        String references = HeaderValues.oneLine(email.references());
        if (references != null && !references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
    }

    /** Text alone, or text and HTML as alternatives (text first: the last part is the one mail clients prefer). */
    private static void fillBody(MimePart part, QueuedEmail email) throws MessagingException {
        String html = email.bodyHtml();
        String text = email.bodyText() != null ? email.bodyText() : html != null ? MailHtml.toText(html) : "";
        if (html == null || html.isBlank()) {
            part.setText(text, StandardCharsets.UTF_8.name());
            return;
        }
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        part.setContent(alternative);
    }

    /** The attachments in their order while their total stays within the server's limit; the others named in {@code leftOut}. */
    private List<MimeBodyPart> attachmentsWithin(QueuedEmail email, OutgoingServer server, List<String> leftOut)
            throws MessagingException {
        long limit = server.settings().maxAttachmentBytes();
        long total = 0;
        List<MimeBodyPart> parts = new ArrayList<>();
        for (long id : email.attachmentIds()) {
            Attachment attachment = attachmentRows.findById(id).orElse(null);
            if (attachment == null) {
                continue;
            }
            String name = "attachment \"" + HeaderValues.oneLine(attachment.fileName()) + "\" ("
                    + ByteSizes.words(attachment.sizeBytes()) + ") left out: ";
            if (attachment.state() != AttachmentState.STORED || attachment.blobKey() == null) {
                leftOut.add(name + "its content is not stored (" + attachment.state().name().toLowerCase(Locale.ROOT) + ")");
                continue;
            }
            if (total + attachment.sizeBytes() > limit) {
                leftOut.add(name + "larger than the " + ByteSizes.words(limit) + " limit of the outgoing server '"
                        + server.name() + "'");
                continue;
            }
            total += attachment.sizeBytes();
            parts.add(part(attachment));
        }
        return parts;
    }

    private MimeBodyPart part(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new BlobDataSource(attachments, attachment)));
        part.setFileName(HeaderValues.oneLine(attachment.fileName()));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // Named here so Jakarta Mail need not read the whole file once more to choose an encoding.
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
