package dev.mailroom.console.systemlog;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Admin › System Log: the newest warnings and errors (at most 200, newest first) from the end of Mailroom's log file;
 * where the FAQ's "check the system logs" points. Says so plainly when file logging is off.
 */
@Controller
@RequestMapping("/admin/system-log")
class SystemLogPageController {

    private final LogFileTail log;

    SystemLogPageController(LogFileTail log) {
        this.log = log;
    }

    @GetMapping
    String systemLog(Model model) throws IOException {
        model.addAttribute("log", log.read());
        model.addAttribute("tailKilobytes", LogFileTail.TAIL_BYTES / 1024);
        return "console/systemlog/page";
    }
}
