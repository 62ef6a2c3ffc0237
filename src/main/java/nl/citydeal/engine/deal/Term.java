package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The term of a City Deal: from the signing date to the end date. Every timed prompt is computed from it.
 * A valid term ends after it starts and lasts between {@value #MIN_MONTHS} months and {@value #MAX_YEARS} years.
 */
public record Term(LocalDate signedOn, LocalDate endsOn) {

    public static final int MIN_MONTHS = 6;
    public static final int MAX_YEARS = 6;

    public Term {
        if (signedOn == null) {
            throw new InvalidDealException("signedOn", "De datum van ondertekening ontbreekt.");
        }
        if (endsOn == null) {
            throw new InvalidDealException("endsOn", "De einddatum ontbreekt.");
        }
        if (!endsOn.isAfter(signedOn)) {
            throw new InvalidDealException(
                    "endsOn",
                    "De einddatum (%s) moet na de datum van ondertekening (%s) liggen.".formatted(endsOn, signedOn));
        }
        if (endsOn.isBefore(signedOn.plusMonths(MIN_MONTHS))) {
            throw new InvalidDealException(
                    "endsOn",
                    "De looptijd moet minstens %d maanden zijn; %s tot %s is korter."
                            .formatted(MIN_MONTHS, signedOn, endsOn));
        }
        if (endsOn.isAfter(signedOn.plusYears(MAX_YEARS))) {
            throw new InvalidDealException(
                    "endsOn",
                    "De looptijd mag hoogstens %d jaar zijn; %s tot %s is langer."
                            .formatted(MAX_YEARS, signedOn, endsOn));
        }
    }

    /** The same start with another end date, as after an extension (verlenging) or a shortened term. */
    public Term withEnd(LocalDate newEnd) {
        return new Term(signedOn, newEnd);
    }

    public long days() {
        return ChronoUnit.DAYS.between(signedOn, endsOn);
    }
}
