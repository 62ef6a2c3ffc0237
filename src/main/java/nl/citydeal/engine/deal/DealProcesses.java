package nl.citydeal.engine.deal;

import java.time.LocalDate;

/** The process side of a deal; implemented on the process engine. */
public interface DealProcesses {

    /**
     * Starts the deal's process with the deal's id as business key: in preparation, or (for a running deal being
     * {@link Deal#isImported() imported}, whose term has started) straight into experimentation with its prompts planned.
     */
    void start(Deal deal);

    /** Moves the end date of a deal in experimentation; every prompt that has not fired moves with it. */
    void changeTerm(String dealId, LocalDate newEnd);

    /** Hands the deal and its open tasks to another lead. */
    void changeLead(String dealId, String oldLead, String newLead);
}
