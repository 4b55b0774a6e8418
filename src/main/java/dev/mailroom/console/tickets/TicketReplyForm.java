package dev.mailroom.console.tickets;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * The reply box: addresses as typed (separated by commas, semicolons or spaces), the text and the files to attach.
 * The same box adds an internal note, which ignores the addresses.
 */
public class TicketReplyForm {

    private String to;
    private String cc;
    private String body;
    private List<MultipartFile> files = List.of();

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

    /** The files actually chosen: a browser sends one empty part when none is. */
    List<MultipartFile> chosenFiles() {
        return files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
    }

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
