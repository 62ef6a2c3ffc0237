package nl.citydeal.engine.admin;

import java.time.OffsetDateTime;

/**
 * One prompt of a running deal that a changed prompt schedule moves: its kind ({@code prompt}) and Dutch label, its
 * date now ({@code from}; null when it has none yet) and its new date ({@code to}), and whether it becomes overdue
 * at once (the new date has passed while the current one is still to come, or the prompt has not fired yet).
 */
public record PromptMove(String prompt, String label, OffsetDateTime from, OffsetDateTime to, boolean overdueAtOnce) {}
