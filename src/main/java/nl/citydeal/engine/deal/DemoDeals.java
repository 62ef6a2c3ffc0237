package nl.citydeal.engine.deal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, fills an empty registry with the real Dutch City Deals of {@code demo/city-deals-nl.csv},
 * shifted in time so the portfolio shows every phase: deals whose term has started are imported as running deals
 * (their past prompts fire at once and show as overdue), as if taken in up to three years ago ({@link #HISTORY}), those whose term has ended wait for their scaling
 * decision, and those not yet signed start in preparation. The demo deal leads take turns; the programme office
 * (petra) registers them. The data file's themes are Dutch; its {@code note} (how exact the dates are, what became of
 * the real deal) goes with the registration, not into the ambition, which the demo leaves to be written; the
 * Staatscourant reference is left empty as it is not known.
 */
@Component
@Profile("demo")
@Order(1)
class DemoDeals implements ApplicationRunner {

    /** How far the real dates move forward, so that the real portfolio of 2015-2023 runs around today. */
    static final Period SHIFT = Period.ofYears(5);

    /** How long ago the demo took its running deals in. */
    static final Period HISTORY = Period.ofYears(3);

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    static final List<String> DEMO_LEADS = List.of("anna", "bram");
    private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

    private final DealRegistry registry;
    private final Clock clock;

    DemoDeals(DealRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<CSVRecord> deals = readDeals();
        for (int i = 0; i < deals.size(); i++) {
            CSVRecord deal = deals.get(i);
            LocalDate signedOn = LocalDate.parse(deal.get("signed_on")).plus(SHIFT);
            LocalDate endsOn =
                    min(LocalDate.parse(deal.get("ends_on")).plus(SHIFT), signedOn.plusYears(Term.MAX_YEARS));
            boolean signed = signedOn.isBefore(today);
            Deal registered = registry.register(
                    new NewDeal(
                            "City Deal " + deal.get("name"),
                            deal.get("theme"),
                            deal.get("lead"),
                            DEMO_LEADS.get(i % DEMO_LEADS.size()),
                            "petra",
                            null,
                            DealSetup.ONE_PART,
                            signed ? signedOn : null,
                            signed ? endsOn : null,
                            (String) null,
                            List.of(),
                            null),
                    "petra",
                    "de echte City Deal, %d jaar later in de tijd gezet (%s); %s."
                            .formatted(SHIFT.getYears(), precision(deal.get("date_precision")), deal.get("note")));
            Instant takenIn = takenInOn(signedOn, endsOn, today);
            if (registered.isImported() && takenIn.isBefore(registered.getRegisteredAt())) {
                registry.registeredEarlier(registered.getId(), takenIn);
            }
        }
        log.info("Registered {} demo deals from the real Dutch City Deals, dates moved {} ahead", deals.size(), SHIFT);
    }

    /**
     * When the demo took a running deal in: {@link #HISTORY} ago, on its signing day if that is later, and for a
     * deal whose term has ended (taken in waiting for its scaling decision) on the day after its end if that is later
     * still. So the portfolio has a past: readiness items whose date fell since (ownership not discussed in time),
     * phases over the last quarters, scaling decisions open for months.
     */
    static Instant takenInOn(LocalDate signedOn, LocalDate endsOn, LocalDate today) {
        LocalDate day = latest(today.minus(HISTORY), signedOn);
        if (endsOn.isBefore(today)) {
            day = latest(day, endsOn.plusDays(1));
        }
        return day.atTime(9, 0).atZone(DUTCH_TIME).toInstant();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The data file's {@code date_precision}, in Dutch. */
    static String precision(String precision) {
        return switch (precision) {
            case "exact" -> "datums exact";
            case "month" -> "datums op de maand nauwkeurig";
            case "start-exact" -> "begindatum exact";
            default -> "datums bij benadering";
        };
    }

    /** A few real deals ran longer than a term may (after extensions): the demo keeps them within it. */
    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static List<CSVRecord> readDeals() {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("demo/city-deals-nl.csv").getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo deals", e);
        }
    }
}
