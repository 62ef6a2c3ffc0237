package nl.citydeal.engine.prompt.notify;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

import nl.citydeal.engine.prompt.PromptKind;

/**
 * The weekly digest, in Dutch: prompts due in the coming week, overdue prompts, deals whose scaling plan is past its
 * date in the prompt schedule and not delivered, and stalled deals. For the programme office of every deal; for a
 * deal lead who turned it on, of the deals they lead or are a deputy of (the same sections).
 */
public final class DigestText {

    private DigestText() {}

    /** One open prompt of one deal; the deal lead by name (their user id when they have none). */
    public record Item(String dealName, String dealLeadName, PromptKind kind, LocalDate due) {}

    /**
     * A deal whose scaling plan is past its date in the prompt schedule and not delivered; the deal lead by name
     * (their user id when they have none).
     */
    public record MissingPlan(String dealName, String dealLeadName, LocalDate planDueOn, LocalDate endsOn) {}

    /**
     * A stalled deal ({@link nl.citydeal.engine.deal.Stall}): why in Dutch ("Opschalingsbesluit staat al 14 weken
     * open"), since when; the deal lead by name.
     */
    public record Stalled(String dealName, String dealLeadName, String reason, LocalDate since) {}

    /**
     * Something that failed and waits for an administrator: what (in Dutch, with the deal), the cause, since when.
     * Only the programme office's digest lists them.
     */
    public record Incident(String what, String cause, LocalDate since) {}

    /** The week a digest covers, e.g. {@code 2026-W48}: one digest per person per week. */
    public static String week(LocalDate today) {
        return "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static MailText build(
            String greeting,
            LocalDate today,
            List<Item> dueNextWeek,
            List<Item> overdue,
            List<MissingPlan> missingPlans,
            String tasklistLink) {
        return build(greeting, today, dueNextWeek, overdue, missingPlans, List.of(), tasklistLink);
    }

    public static MailText build(
            String greeting,
            LocalDate today,
            List<Item> dueNextWeek,
            List<Item> overdue,
            List<MissingPlan> missingPlans,
            List<Stalled> stalled,
            String tasklistLink) {
        return build(greeting, today, dueNextWeek, overdue, missingPlans, stalled, tasklistLink, false, null);
    }

    /**
     * The digest of every deal, or ({@code ownDeals}) of the deals the addressee leads or is a deputy of; with
     * {@code settingsLink} (when not null) a closing line on where to turn it off.
     */
    public static MailText build(
            String greeting,
            LocalDate today,
            List<Item> dueNextWeek,
            List<Item> overdue,
            List<MissingPlan> missingPlans,
            List<Stalled> stalled,
            String tasklistLink,
            boolean ownDeals,
            String settingsLink) {
        return build(
                greeting,
                today,
                dueNextWeek,
                overdue,
                missingPlans,
                stalled,
                List.of(),
                null,
                tasklistLink,
                ownDeals,
                settingsLink);
    }

    /**
     * The digest with, when {@code incidentsLink} is not null (the programme office's digest), the section of what
     * failed and waits for an administrator.
     */
    public static MailText build(
            String greeting,
            LocalDate today,
            List<Item> dueNextWeek,
            List<Item> overdue,
            List<MissingPlan> missingPlans,
            List<Stalled> stalled,
            List<Incident> incidents,
            String incidentsLink,
            String tasklistLink,
            boolean ownDeals,
            String settingsLink) {
        LocalDate lastDay = today.plusDays(6);
        String subject = (ownDeals ? "Weekoverzicht van uw City Deals" : "Weekoverzicht City Deals")
                + " — week %d (%s t/m %s)"
                        .formatted(
                                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                                today.format(MailTexts.DATE),
                                lastDay.format(MailTexts.DATE));
        StringBuilder body = new StringBuilder("Beste ")
                .append(greeting)
                .append(",\n\n")
                .append(
                        ownDeals
                                ? "Het overzicht van de herinneringen van uw City Deals (die u leidt of waarvan u"
                                        + " plaatsvervanger bent) op "
                                : "Het overzicht van de herinneringen van alle City Deals op ")
                .append(today.format(MailTexts.DATE))
                .append(".\n");

        body.append("\nDeze week aan de beurt (")
                .append(today.format(MailTexts.DATE))
                .append(" t/m ")
                .append(lastDay.format(MailTexts.DATE))
                .append("): ")
                .append(dueNextWeek.size())
                .append('\n');
        if (dueNextWeek.isEmpty()) {
            body.append("  geen\n");
        }
        for (Item item : dueNextWeek) {
            body.append("  - %s — %s, uiterlijk %s (dealtrekker: %s)\n"
                    .formatted(
                            item.dealName(),
                            item.kind().label(),
                            item.due().format(MailTexts.DATE),
                            item.dealLeadName()));
        }

        body.append("\nVerlopen en nog open: ").append(overdue.size()).append('\n');
        if (overdue.isEmpty()) {
            body.append("  geen\n");
        }
        for (Item item : overdue) {
            long days = ChronoUnit.DAYS.between(item.due(), today);
            body.append("  - %s — %s, verlopen op %s (%d %s geleden; dealtrekker: %s)\n"
                    .formatted(
                            item.dealName(),
                            item.kind().label(),
                            item.due().format(MailTexts.DATE),
                            days,
                            days == 1 ? "dag" : "dagen",
                            item.dealLeadName()));
        }

        body.append("\nOpschalingsplan over de datum van het herinneringsschema: ")
                .append(missingPlans.size())
                .append('\n');
        if (missingPlans.isEmpty()) {
            body.append("  geen\n");
        }
        for (MissingPlan deal : missingPlans) {
            body.append("  - %s — plan nodig sinds %s, einddatum %s (dealtrekker: %s)\n"
                    .formatted(
                            deal.dealName(),
                            deal.planDueOn().format(MailTexts.DATE),
                            deal.endsOn().format(MailTexts.DATE),
                            deal.dealLeadName()));
        }
        body.append("\nWaarom: ").append(PromptKind.SCALING_PLAN_DUE.lesson()).append('\n');
        appendStalled(body, stalled);
        if (incidentsLink != null) {
            appendIncidents(body, incidents, incidentsLink);
        }
        body.append("\nNaar de takenlijst: ").append(tasklistLink).append('\n');
        if (settingsLink != null) {
            body.append("\nDit weekoverzicht zet u aan of uit op Mijn instellingen: ")
                    .append(settingsLink)
                    .append('\n');
        }
        body.append("\nMet vriendelijke groet,\nCity Deal Engine\n");
        return new MailText(subject, body.toString());
    }

    /** The deals that wait longer than the schedule expects, each with why and since when. */
    private static void appendStalled(StringBuilder body, List<Stalled> stalled) {
        body.append("\nStilgevallen: ").append(stalled.size()).append('\n');
        if (stalled.isEmpty()) {
            body.append("  geen\n");
        }
        for (Stalled deal : stalled) {
            body.append("  - %s — %s, sinds %s (dealtrekker: %s)\n"
                    .formatted(
                            deal.dealName(), deal.reason(), deal.since().format(MailTexts.DATE), deal.dealLeadName()));
        }
    }

    /** What failed (prompts that could not fire, mails given up), each with its cause, and where to retry it. */
    private static void appendIncidents(StringBuilder body, List<Incident> incidents, String incidentsLink) {
        body.append("\nStoringen (wachten op een beheerder): ")
                .append(incidents.size())
                .append('\n');
        if (incidents.isEmpty()) {
            body.append("  geen\n");
            return;
        }
        for (Incident incident : incidents) {
            body.append("  - %s, sinds %s — oorzaak: %s\n"
                    .formatted(incident.what(), incident.since().format(MailTexts.DATE), incident.cause()));
        }
        body.append("  Bekijken en opnieuw proberen: ").append(incidentsLink).append('\n');
    }
}
