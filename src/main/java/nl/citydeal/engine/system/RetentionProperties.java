package nl.citydeal.engine.system;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long records are kept (docs/operations.md, "Retention").
 *
 * @param closedDeals how long after a deal closed (or was abandoned) its case file is kept: the engine's history of its
 *     process, its dossier, documents and mails; also how long the administrators' audit trail is kept. Ten years, as
 *     the Dutch selection lists give case files of subsidies and covenants of this kind.
 * @param settledMails how long a mail that was sent, failed or cancelled stays in the outbox
 * @param cron when the nightly retention run starts (Europe/Amsterdam), inside the engine's history cleanup window;
 *     {@code -} switches it off on this node
 */
@ConfigurationProperties("citydeal.retention")
public record RetentionProperties(Period closedDeals, Period settledMails, String cron) {

    public RetentionProperties {
        closedDeals = closedDeals == null ? Period.ofYears(10) : closedDeals;
        settledMails = settledMails == null ? Period.ofYears(1) : settledMails;
        cron = cron == null || cron.isBlank() ? "0 30 1 * * *" : cron;
        if (closedDeals.isNegative() || closedDeals.isZero() || settledMails.isNegative() || settledMails.isZero()) {
            throw new IllegalArgumentException(
                    "citydeal.retention.closed-deals and settled-mails must be positive periods (P10Y, P1Y)");
        }
    }
}
