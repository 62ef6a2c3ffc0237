package nl.citydeal.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The SQL the engine runs for one request, and how the database runs it: the statements MyBatis logs for the
 * engine's entities ({@code org.camunda.bpm.engine.impl.persistence.entity}, level DEBUG, only while the request
 * runs), each run once more with its own parameters under {@code EXPLAIN ANALYZE} (PostgreSQL: with buffers) on the
 * app's own data source. Written as Markdown, for docs/benchmarks.md.
 */
final class QueryPlans {

    static final String ENGINE_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";
    private static final Pattern PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");

    record Statement(String id, String sql, List<Object> parameters) {}

    interface Request {
        void send() throws Exception;
    }

    private QueryPlans() {}

    /** The engine's statements while {@code request} runs, in the order they ran. */
    static List<Statement> capture(Request request) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ENGINE_STATEMENTS);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            request.send();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        List<Statement> statements = new ArrayList<>();
        String sql = null;
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage().strip();
            if (message.startsWith("==>  Preparing:")) {
                sql = message.substring("==>  Preparing:".length()).strip();
            } else if (message.startsWith("==> Parameters:") && sql != null) {
                statements.add(new Statement(
                        event.getLoggerName().substring(ENGINE_STATEMENTS.length() + 1),
                        sql,
                        parameters(message.substring("==> Parameters:".length()).strip())));
                sql = null;
            }
        }
        return statements;
    }

    private static List<Object> parameters(String logged) {
        List<Object> values = new ArrayList<>();
        if (logged.isEmpty()) {
            return values;
        }
        Matcher matcher = PARAMETER.matcher(logged);
        while (matcher.find() && !matcher.group(1).isEmpty()) {
            String value = matcher.group(1);
            String type = matcher.group(2);
            if (type == null) {
                values.add(null);
                continue;
            }
            String text = value.substring(0, value.length() - type.length() - 2);
            values.add(
                    switch (type) {
                        case "Integer" -> Integer.valueOf(text);
                        case "Long" -> Long.valueOf(text);
                        case "Boolean" -> Boolean.valueOf(text);
                        case "Timestamp" -> Timestamp.valueOf(text);
                        default -> text;
                    });
        }
        return values;
    }

    /** Each statement with its parameters and its plan, as Markdown. */
    static String explain(DataSource dataSource, boolean postgres, List<Statement> statements) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            for (Statement statement : statements) {
                text.append("#### `")
                        .append(statement.id())
                        .append("`\n\n```sql\n")
                        .append(statement.sql())
                        .append("\n-- parameters: ")
                        .append(statement.parameters())
                        .append("\n```\n\n```\n");
                String explain = (postgres ? "explain (analyze, buffers) " : "explain analyze ") + statement.sql();
                try (PreparedStatement query = connection.prepareStatement(explain)) {
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        query.setObject(i + 1, statement.parameters().get(i));
                    }
                    long start = System.nanoTime();
                    try (ResultSet plan = query.executeQuery()) {
                        while (plan.next()) {
                            text.append(plan.getString(1)).append('\n');
                        }
                    }
                    // H2's plan has no time of its own: the time the explained statement took, from here
                    text.append("-- explained and run in %.1f ms\n".formatted((System.nanoTime() - start) / 1e6));
                } catch (SQLException e) {
                    text.append("(no plan: ").append(e.getMessage()).append(")\n");
                }
                text.append("```\n\n");
            }
        }
        return text.toString();
    }

    static void write(Path file, String title, String plans) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + title + "\n\n" + plans);
        System.out.println("Query plans written to " + file.toAbsolutePath());
    }
}
