package nl.citydeal.engine.prompt.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptions;
import nl.citydeal.engine.prompt.calendar.PromptCalendar;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The calendar feed of a user's prompts: {@code GET /api/calendar/{user}.ics} with HTTP Basic. Users get their own
 * feed; the programme office and administrators anyone's. Another user's feed does not exist for a deal lead (404).
 * <p>
 * The same feed by a secret subscription address, {@code GET /calendar/{token}.ics} without a login (for Outlook,
 * Google Calendar and Apple Calendar, which cannot send a password; {@link CalendarSubscriptions}): an unknown,
 * revoked or malformed token, and the token of a removed or locked user, all answer the same 404. The address is
 * kept out of caches and out of the Referer of links followed from the feed.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    static final String NO_SUCH_SUBSCRIPTION =
            "Dit agenda-adres bestaat niet (meer). Maak een nieuw adres op de " + "pagina Mijn instellingen.";

    private final PromptCalendar calendar;
    private final Recipients recipients;
    private final CalendarSubscriptions subscriptions;

    CalendarController(PromptCalendar calendar, Recipients recipients, CalendarSubscriptions subscriptions) {
        this.calendar = calendar;
        this.recipients = recipients;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> subscription(@PathVariable String token) {
        Recipient owner = subscriptions.owner(token).orElseThrow(() -> new NotFoundException(NO_SUCH_SUBSCRIPTION));
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Disposition", "inline; filename=\"city-deal.ics\"")
                .body(calendar.feed(owner));
    }

    @GetMapping("/api/calendar/{user}.ics")
    ResponseEntity<String> feed(@PathVariable String user, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        if (!viewer.seesAllDeals() && !viewer.userId().equals(user)) {
            throw notFound(user);
        }
        Recipient owner = recipients.user(user).orElseThrow(() -> notFound(user));
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"city-deal-%s.ics\"".formatted(user))
                .body(calendar.feed(owner));
    }

    private static NotFoundException notFound(String user) {
        return new NotFoundException("Er is geen agenda van %s.".formatted(user));
    }
}
