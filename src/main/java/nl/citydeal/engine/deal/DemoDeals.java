package nl.citydeal.engine.deal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, registers a few real Dutch City Deals (from {@code demo/city-deals-nl.csv}) in
 * preparation, led by the demo deal leads, so a newcomer finds work in Tasklist at once.
 */
@Component
@Profile("demo")
class DemoDeals implements ApplicationRunner {

    static final int DEMO_DEAL_COUNT = 3;
    private static final List<String> DEMO_LEADS = List.of("anna", "bram");
    private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

    private final DealProcesses dealProcesses;

    DemoDeals(DealProcesses dealProcesses) {
        this.dealProcesses = dealProcesses;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dealProcesses.count() > 0) {
            return;
        }
        List<CSVRecord> deals = readDeals();
        for (int i = 0; i < DEMO_DEAL_COUNT && i < deals.size(); i++) {
            CSVRecord deal = deals.get(deals.size() - 1 - i);
            dealProcesses.register(new DealRegistration(
                    "City Deal " + deal.get("name"), deal.get("theme"), deal.get("lead"),
                    DEMO_LEADS.get(i % DEMO_LEADS.size()), "petra",
                    "Demo: " + deal.get("note"), null, null, null));
        }
        log.info("Registered {} demo deals", Math.min(DEMO_DEAL_COUNT, deals.size()));
    }

    private static List<CSVRecord> readDeals() {
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/city-deals-nl.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo deals", e);
        }
    }
}
