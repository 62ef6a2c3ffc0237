package nl.citydeal.engine.prompt;

/** Where a prompt stands: planned, fallen due (fired), done, or cancelled because its phase ended. */
public enum PromptStatus {
    PLANNED,
    DUE,
    DONE,
    CANCELLED
}
