package io.iamscope.report;

import io.iamscope.analysis.trail.TrailReport;
import io.iamscope.report.ReportInputs.Input;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of {@code iamscope trail START --logs ...} (text and JSON) on the sample organization's logs. */
class TrailRenderersTest {
    /** name (of the golden files), start, logs. */
    static Stream<Arguments> trails() {
        return Stream.of(
                Arguments.of("contractor-key", ReportInputs.CONTRACTOR_KEY, List.of(ReportInputs.SAMPLE_LOGS)),
                Arguments.of("contractor-key.unpredicted", ReportInputs.CONTRACTOR_KEY,
                        List.of(ReportInputs.SAMPLE_LOGS, ReportInputs.UNPREDICTED_LOGS)),
                Arguments.of("contractor-key.unexplained", ReportInputs.CONTRACTOR_KEY,
                        List.of(ReportInputs.SAMPLE_LOGS, ReportInputs.UNEXPLAINED_LOGS)),
                Arguments.of("mlee", "mlee", List.of(ReportInputs.SAMPLE_LOGS)),
                // The password set for admin-ppatel signed in with, an instance launched with a profile: followed.
                Arguments.of("contractor-key.console", ReportInputs.CONTRACTOR_KEY,
                        List.of(ReportInputs.SAMPLE_LOGS, Path.of("src/test/resources/trail/console"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trails")
    void text(String name, String start, List<Path> logs) {
        TrailReport t = ReportInputs.trail(Input.SAMPLE_ORG, start, logs);
        Golden.check("trail-text/sample-org." + name + ".txt", out -> TrailTextRenderer.render(t, out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trails")
    void json(String name, String start, List<Path> logs) {
        TrailReport t = ReportInputs.trail(Input.SAMPLE_ORG, start, logs);
        Golden.check("trail-json/sample-org." + name + ".json", out -> TrailJsonRenderer.render(t, out));
    }
}
