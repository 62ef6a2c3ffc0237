package nl.citydeal.engine.prompt.notify.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.notify.Notification;
import nl.citydeal.engine.prompt.notify.NotificationStatus;
import nl.citydeal.engine.prompt.notify.Outbox;
import nl.citydeal.engine.prompt.notify.OutboxDelivery;
import nl.citydeal.engine.system.PersonNames;

/**
 * The outbox page for administrators ({@code /admin/**} is theirs alone): every mail, newest first, with its status,
 * recipient (by name), subject and text. Without a mail server (the demo) this is where the mails can be read.
 */
@Controller
class OutboxController {

    static final int SHOWN = 200;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final PersonNames people;

    OutboxController(Outbox outbox, OutboxDelivery delivery, PersonNames people) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.people = people;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(NotificationStatus.values()).forEach(status -> counts.put(status.label(), outbox.count(status)));
        model.addAttribute("mailEnabled", delivery.mailEnabled());
        model.addAttribute("counts", counts);
        model.addAttribute("shown", SHOWN);
        List<Notification> mails = outbox.newest(SHOWN);
        PersonNames.Names names = people.namesOf(
                mails.stream().map(Notification::getRecipientUser).distinct().toList());
        model.addAttribute(
                "mails", mails.stream().map(mail -> Line.of(mail, names)).toList());
        return "outbox";
    }

    /** One mail as the page shows it. */
    record Line(
            Long id,
            String kind,
            String status,
            String statusClass,
            String recipient,
            String subject,
            String body,
            String created,
            String sent,
            int attempts,
            String nextAttempt,
            String error) {

        static Line of(Notification n, PersonNames.Names names) {
            String who = names.of(n.getRecipientUser());
            String recipient = n.getRecipientEmail() == null
                    ? "(geen adres) " + who
                    : who == null ? n.getRecipientEmail() : "%s <%s>".formatted(who, n.getRecipientEmail());
            return new Line(
                    n.getId(),
                    n.getKind().label(),
                    n.getStatus().label(),
                    "status-" + n.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                    recipient,
                    n.getSubject(),
                    n.getBody(),
                    moment(n.getCreatedAt()),
                    moment(n.getSentAt()),
                    n.getAttempts(),
                    n.getStatus() == NotificationStatus.PENDING && n.getAttempts() > 0
                            ? moment(n.getNextAttemptAt())
                            : null,
                    n.getLastError());
        }

        private static String moment(Instant instant) {
            return instant == null ? null : instant.atZone(PromptSchedule.ZONE).format(MOMENT);
        }
    }
}
