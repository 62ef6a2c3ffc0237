package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.util.Set;

/** The process side of a deal; implemented on the process engine. */
public interface DealProcesses {

    /**
     * Starts the deal's process with the deal's reference as business key (and its id as variable {@code dealId}): in preparation, or (for a running deal being
     * {@link Deal#isImported() imported}, whose term has started) straight into experimentation with its prompts planned.
     */
    void start(Deal deal);

    /** Moves the end date of a deal in experimentation; every prompt that has not fired moves with it. */
    void changeTerm(String dealId, LocalDate newEnd);

    /** Hands the deal and its open tasks to another lead. */
    void changeLead(String dealId, String oldLead, String newLead);

    /**
     * The deal's deputies changed: the added ones see the deal and share its deal-lead tasks with the lead, the removed
     * ones lose both. A deal without a running process has nothing to change.
     */
    void changeDeputies(String dealId, String dealLead, Set<String> before, Set<String> after);
}
