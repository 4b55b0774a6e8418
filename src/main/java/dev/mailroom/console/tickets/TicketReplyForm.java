package dev.mailroom.console.tickets;

import java.util.Arrays;
import java.util.List;

/** The reply box: addresses as typed (separated by commas, semicolons or spaces) and the text. */
public class TicketReplyForm {

    private String to;
    private String cc;
    private String body;

    /** The box as a ticket page opens it: to the requester, nobody in copy. */
    static TicketReplyForm toRequester(String requesterEmail) {
        TicketReplyForm form = new TicketReplyForm();
        form.setTo(requesterEmail);
        return form;
    }

    static List<String> addresses(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
