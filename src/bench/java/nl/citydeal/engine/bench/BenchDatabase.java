package nl.citydeal.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import nl.citydeal.engine.postgres.TestPostgres;

/** Where a benchmark runs: H2 in files (the default, one node) or PostgreSQL (production, one or two nodes). */
sealed interface BenchDatabase {

    String label();

    /** A new, empty database; answers its JDBC URL. */
    String create(String name) throws IOException;

    /** A copy of a database no one is connected to, under a new name; answers its JDBC URL. */
    String copy(String sourceUrl, String name) throws IOException;

    String user();

    String password();

    /** The application's arguments for this database. */
    List<String> appArguments(String jdbcUrl);

    default Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), password());
    }

    /** H2 in files under {@code target/bench/h2}, as the app runs by default (its URL options included). */
    record H2(Path directory) implements BenchDatabase {

        /** The options of the application's default H2 URL (application.yaml), for the bare engine too. */
        static final String OPTIONS = ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

        @Override
        public String label() {
            return "H2";
        }

        @Override
        public String create(String name) throws IOException {
            Files.createDirectories(directory);
            Files.deleteIfExists(file(name));
            return url(name);
        }

        @Override
        public String copy(String sourceUrl, String name) throws IOException {
            String source = sourceUrl.substring(sourceUrl.lastIndexOf('/') + 1, sourceUrl.indexOf(';'));
            Files.copy(file(source), file(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return url(name);
        }

        private Path file(String name) {
            return directory.resolve(name + ".mv.db");
        }

        private String url(String name) {
            return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + OPTIONS;
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public List<String> appArguments(String jdbcUrl) {
            // no profile: no demo data; the datasource of application.yaml in another file
            return List.of("--spring.profiles.active=bench", "--spring.datasource.url=" + jdbcUrl);
        }
    }

    /** PostgreSQL 16, started by the build ({@link TestPostgres}), with the {@code postgres} profile. */
    record Postgres(TestPostgres server) implements BenchDatabase {

        @Override
        public String label() {
            return "PostgreSQL";
        }

        @Override
        public String create(String name) {
            return server.createDatabase(name);
        }

        @Override
        public String copy(String sourceUrl, String name) {
            return server.copyDatabase(sourceUrl, name);
        }

        @Override
        public String user() {
            return TestPostgres.APP_USER;
        }

        @Override
        public String password() {
            return TestPostgres.APP_PASSWORD;
        }

        @Override
        public List<String> appArguments(String jdbcUrl) {
            List<String> arguments = new java.util.ArrayList<>(List.of(
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user(),
                    "--spring.datasource.password=" + password()));
            // the benchmark logs in over plain HTTP
            TestPostgres.PLAIN_HTTP_COOKIES.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            return arguments;
        }
    }
}
