package nl.citydeal.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The test class runs a second time on a real PostgreSQL (the Surefire execution {@code postgres-process-tests}
 * selects this tag; {@code nl.citydeal.engine.postgres.TestPostgres} starts the server), with the {@code postgres}
 * profile's schema handling. Give it to the tests whose behaviour depends on the database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(AlsoOnPostgres.TAG)
public @interface AlsoOnPostgres {

    String TAG = "postgres";
}
