package nl.citydeal.engine.prompt.web;

import java.time.format.DateTimeFormatter;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptions;
import nl.citydeal.engine.system.SiteProperties;

/**
 * "Mijn instellingen" ({@code /instellingen}), for every logged-in user: today the secret subscription address of
 * their calendar feed. The actions are the user's own (the logged-in user, never a user named in the request) and
 * posts with the page's CSRF token. A new address is shown once, right after it is made (a flash attribute): only
 * its hash is kept.
 */
@Controller
class SettingsPageController {

    static final String PAGE = "/instellingen";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CalendarSubscriptions subscriptions;
    private final String baseUrl;

    SettingsPageController(CalendarSubscriptions subscriptions, SiteProperties site) {
        this.subscriptions = subscriptions;
        this.baseUrl = site.baseUrl();
    }

    @GetMapping(PAGE)
    String settings(Authentication user, Model model) {
        model.addAttribute(
                "subscribedSince",
                subscriptions
                        .madeAt(user.getName())
                        .map(made -> made.atZone(PromptSchedule.ZONE).format(MOMENT))
                        .orElse(null));
        model.addAttribute("basicFeed", baseUrl + "/api/calendar/" + user.getName() + ".ics");
        return "settings";
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
