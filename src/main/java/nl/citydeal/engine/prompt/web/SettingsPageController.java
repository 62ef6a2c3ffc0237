package nl.citydeal.engine.prompt.web;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptions;
import nl.citydeal.engine.prompt.notify.LeadTimes;
import nl.citydeal.engine.prompt.notify.NotificationSettings;
import nl.citydeal.engine.prompt.notify.UserSettings;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.SiteProperties;
import nl.citydeal.engine.system.web.Viewer;

/**
 * "Mijn instellingen" ({@code /instellingen}), for every logged-in user: the secret subscription address of their
 * calendar feed, and their mails ("Meldingen": the weekly digest, reminder mails and their lead time). The actions
 * are the user's own (the logged-in user, never a user named in the request) and posts with the page's CSRF token.
 * A new address is shown once, right after it is made (a flash attribute): only its hash is kept. Saved settings
 * are confirmed after a redirect; a value that is not one of the choices shows the page again with a Dutch message
 * (400) and saves nothing. The programme office and administrators also see who deviates from the defaults
 * ({@code /instellingen/afwijkingen}; the security configuration keeps others out with a 403).
 */
@Controller
class SettingsPageController {

    static final String PAGE = "/instellingen";
    static final String DEVIATIONS = PAGE + "/afwijkingen";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CalendarSubscriptions subscriptions;
    private final NotificationSettings notificationSettings;
    private final PersonNames names;
    private final String baseUrl;

    SettingsPageController(
            CalendarSubscriptions subscriptions,
            NotificationSettings notificationSettings,
            PersonNames names,
            SiteProperties site) {
        this.subscriptions = subscriptions;
        this.notificationSettings = notificationSettings;
        this.names = names;
        this.baseUrl = site.baseUrl();
    }

    /** The values on the notifications form: "aan"/"uit" and a lead time as ISO-8601 (P14D). */
    record NotificationForm(String weeklyDigest, String reminderLeadTime, String reminderMail) {

        static NotificationForm of(UserSettings settings) {
            return new NotificationForm(
                    settings.weeklyDigest() ? "aan" : "uit",
                    settings.reminderLeadTime().toString(),
                    settings.reminderMail() ? "aan" : "uit");
        }
    }

    /** One lead time to choose: its value (P14D) and its Dutch label ("2 weken (standaard)"). */
    record LeadTimeOption(String value, String label) {}

    /** One user who deviates from the defaults, for the programme office's overview. */
    record DeviationRow(String userId, String name, List<String> deviations, String changed) {}

    @GetMapping(PAGE)
    String settings(Authentication user, Model model) {
        UserSettings mine = notificationSettings.of(user.getName());
        if (!model.containsAttribute("notificationForm")) {
            model.addAttribute("notificationForm", NotificationForm.of(mine));
        }
        return page(user, mine, model);
    }

    @PostMapping(PAGE + "/meldingen")
    String saveNotifications(
            @RequestParam(name = "weeklyDigest", required = false) String weeklyDigest,
            @RequestParam(name = "reminderLeadTime", required = false) String reminderLeadTime,
            @RequestParam(name = "reminderMail", required = false) String reminderMail,
            Authentication user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            notificationSettings.save(
                    user.getName(),
                    new NotificationSettings.Choice(weeklyDigest, reminderLeadTime, reminderMail),
                    user.getName());
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            UserSettings mine = notificationSettings.of(user.getName());
            NotificationForm stored = NotificationForm.of(mine);
            Map<String, String> errors = invalid.errors();
            model.addAttribute("notificationErrors", errors);
            // what the user chose stays chosen where it was valid
            model.addAttribute(
                    "notificationForm",
                    new NotificationForm(
                            errors.containsKey("weeklyDigest") ? stored.weeklyDigest() : weeklyDigest,
                            errors.containsKey("reminderLeadTime") ? stored.reminderLeadTime() : reminderLeadTime,
                            errors.containsKey("reminderMail") ? stored.reminderMail() : reminderMail));
            return page(user, mine, model);
        }
        redirect.addFlashAttribute("notificationsSaved", true);
        return "redirect:" + PAGE + "#meldingen";
    }

    @GetMapping(DEVIATIONS)
    String deviations(Model model) {
        List<UserSettings> deviating = notificationSettings.deviating();
        PersonNames.Names people = names.namesOf(deviating.stream()
                .flatMap(s -> Stream.of(s.userId(), s.changedBy()))
                .toList());
        model.addAttribute(
                "deviations",
                deviating.stream()
                        .map(s ->
                                new DeviationRow(s.userId(), people.of(s.userId()), s.deviations(), changed(s, people)))
                        .toList());
        model.addAttribute("defaultLeadTime", LeadTimes.label(notificationSettings.defaultLeadTime()));
        return "settings-deviations";
    }

    private String page(Authentication user, UserSettings mine, Model model) {
        Period defaultLeadTime = mine.defaults().reminderLeadTime();
        model.addAttribute("notificationSettings", mine);
        model.addAttribute(
                "leadTimes",
                notificationSettings.leadTimes().stream()
                        .map(p -> new LeadTimeOption(
                                p.toString(), LeadTimes.label(p) + (p.equals(defaultLeadTime) ? " (standaard)" : "")))
                        .toList());
        model.addAttribute("notificationsChanged", moment(mine.changedAt()));
        model.addAttribute("mayOverview", Viewer.of(user).seesAllDeals());
        model.addAttribute(
                "subscribedSince",
                subscriptions
                        .madeAt(user.getName())
                        .map(made -> made.atZone(PromptSchedule.ZONE).format(MOMENT))
                        .orElse(null));
        model.addAttribute("basicFeed", baseUrl + "/api/calendar/" + user.getName() + ".ics");
        return "settings";
    }

    private static String changed(UserSettings settings, PersonNames.Names people) {
        String at = moment(settings.changedAt());
        if (at == null || settings.changedBy() == null || settings.changedBy().equals(settings.userId())) {
            return at;
        }
        return at + " door " + people.of(settings.changedBy());
    }

    private static String moment(Instant at) {
        return at == null ? null : at.atZone(PromptSchedule.ZONE).format(MOMENT);
    }

    @PostMapping(PAGE + "/agenda")
    String newAddress(Authentication user, RedirectAttributes redirect) {
        String token = subscriptions.renew(user.getName());
        redirect.addFlashAttribute("address", baseUrl + "/calendar/" + token + ".ics");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/agenda/intrekken")
    String revoke(Authentication user, RedirectAttributes redirect) {
        subscriptions.revoke(user.getName());
        redirect.addFlashAttribute("revoked", true);
        return "redirect:" + PAGE;
    }
}
