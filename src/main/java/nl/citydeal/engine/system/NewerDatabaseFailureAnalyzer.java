package nl.citydeal.engine.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in the log why the app did not start on a database of a newer build ({@link NewerDatabaseException}), in
 * place of the stack trace of the bean that failed. Registered in {@code META-INF/spring.factories}.
 */
class NewerDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NewerDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NewerDatabaseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". This build refuses to start on it.",
                "Restore a backup made by this version of City Deal Engine, or deploy the build the database belongs to"
                        + " (%s %s or newer). docs/operations.md, \"Backup and restore\"."
                                .formatted(cause.schema(), cause.databaseVersion()),
                cause);
    }
}
