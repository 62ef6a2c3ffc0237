package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import nl.citydeal.engine.deal.Stall;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Recipient;

/**
 * The Dutch mails about a prompt: which deal, what is asked and why (the lesson behind it), by when, and where the
 * task is. Dates as dd-MM-yyyy on Dutch time.
 */
public final class MailTexts {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String SIGNATURE = "\nMet vriendelijke groet,\nCity Deal Engine\n";

    private MailTexts() {}

    /**
     * What one prompt mail is about. {@code dealLeadName} is the deal lead's name (their user id when they have
     * none); {@code today} is the day the mail is recorded.
     */
    public record About(
            NotificationKind kind,
            String dealName,
            String dealLeadName,
            PromptKind prompt,
            Instant dueAt,
            Recipient to,
            boolean toProgrammeOffice,
            String link,
            LocalDate today) {}

    public static MailText prompt(About about) {
        PromptKind prompt = about.prompt();
        String due = date(about.dueAt());
        String subject = switch (about.kind()) {
            case ESCALATION -> "%s — %s".formatted(prompt.label(), about.dealName());
            case REMINDER_BEFORE ->
                "Herinnering: %s — %s (uiterlijk %s)".formatted(prompt.label(), about.dealName(), due);
            default -> "Herinnering: %s — %s".formatted(prompt.label(), about.dealName());
        };
        StringBuilder body = new StringBuilder();
        body.append("Beste ").append(about.to().displayName()).append(",\n\n");
        switch (about.kind()) {
            case ESCALATION -> body.append("""
                    Het opschalingsplan van "%s" ontbreekt nog (dealtrekker: %s). Maak met de dealtrekker \
                    afspraken over een datum.
                    """.formatted(about.dealName(), about.dealLeadName()));
            case REMINDER_BEFORE -> {
                long days = ChronoUnit.DAYS.between(about.today(), dueDate(about.dueAt()));
                body.append("Over %d %s, op %s, is het voor \"%s\" tijd voor: %s.\n"
                        .formatted(days, days == 1 ? "dag" : "dagen", due, about.dealName(), prompt.label()));
                body.append("U kunt er nu al mee beginnen: wie eerder begint, houdt ruimte voor het vervolg.\n");
            }
            case REMINDER_DUE ->
                body.append("Vandaag is het voor \"%s\" tijd voor: %s.\n".formatted(about.dealName(), prompt.label()));
            default -> body.append("Voor \"%s\" is het tijd voor: %s.\n".formatted(about.dealName(), prompt.label()));
        }
        body.append("\nGevraagd: ").append(prompt.label()).append('\n');
        body.append("Waarom: ").append(prompt.lesson()).append('\n');
        body.append("Uiterlijk: ").append(due).append('\n');
        body.append("\nNaar de taak: ").append(about.link()).append('\n');
        body.append(SIGNATURE);
        body.append("\nU ontvangt dit bericht ")
                .append(
                        about.toProgrammeOffice()
                                ? "namens het programmabureau City Deals."
                                : "als dealtrekker van \"%s\".".formatted(about.dealName()))
                .append('\n');
        return new MailText(subject, body.toString());
    }

    /** What the programme office is prompted to: discuss a stalled deal, "Stilgevallen City Deal bespreken". */
    public static final String STALL_PROMPT = "Stilgevallen City Deal bespreken";

    /** The prompt to the programme office about a stalled deal: why it is stalled, since when, and the lesson. */
    public static MailText stall(
            String dealName, String dealLeadName, Stall stall, Instant now, Recipient to, String link) {
        String subject = "%s — %s".formatted(STALL_PROMPT, dealName);
        StringBuilder body = new StringBuilder();
        body.append("Beste ").append(to.displayName()).append(",\n\n");
        body.append(
                "\"%s\" is stilgevallen: %s (sinds %s; dealtrekker: %s). Bespreek met de dealtrekker wat er nodig is om verder te komen.\n"
                        .formatted(dealName, lowerFirst(stall.text(now)), date(stall.since()), dealLeadName));
        body.append("\nGevraagd: ").append(STALL_PROMPT).append('\n');
        body.append("Waarom: ").append(stall.reason().lesson()).append('\n');
        body.append("\nNaar de deal: ").append(link).append('\n');
        body.append(SIGNATURE);
        body.append("\nU ontvangt dit bericht namens het programmabureau City Deals, eenmaal per stilgevallen deal.\n");
        return new MailText(subject, body.toString());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    public static String date(Instant instant) {
        return dueDate(instant).format(DATE);
    }

    static LocalDate dueDate(Instant instant) {
        return instant.atZone(PromptSchedule.ZONE).toLocalDate();
    }
}
