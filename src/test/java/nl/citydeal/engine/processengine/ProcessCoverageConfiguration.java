package nl.citydeal.engine.processengine;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Records which flow nodes the process tests pass (report in target/process-test-coverage) and fails the test
 * class when it covers less than 90% of {@code city-deal}.
 */
@TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
class ProcessCoverageConfiguration {

    static final double MINIMUM_FLOW_NODE_COVERAGE = 0.9;

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .assertClassCoverageAtLeast(MINIMUM_FLOW_NODE_COVERAGE)
                .build();
    }
}
