package io.iamscope.report;

import io.iamscope.report.ReportInputs.Input;
import io.iamscope.report.ReportInputs.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of {@code iamscope paths FROM [--to ARN|admin]} (text and JSON). */
class PathsRenderersTest {
    /** name (of the golden files), input, from, to (null: every reachable principal). */
    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("contractor-key", Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY, null),
                Arguments.of("contractor-key.to-admin", Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY, "admin"),
                Arguments.of("contractor-key.to-acme-deploy", Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY,
                        "arn:aws:iam::222222222222:role/acme-deploy"),
                Arguments.of("ops-cdiaz.to-admin", Input.SAMPLE_ORG, "ops-cdiaz", "admin"),
                Arguments.of("svc-legacy-batch", Input.SAMPLE_ORG, "svc-legacy-batch", null),
                Arguments.of("attacker", Input.PUT_USER_POLICY, ReportInputs.ATTACKER, null),
                Arguments.of("attacker", Input.PASS_ROLE, ReportInputs.ATTACKER, null));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("questions")
    void text(String name, Input input, String from, String to) {
        Paths p = ReportInputs.paths(input, from, to);
        Golden.check("paths-text/" + input.id + "." + name + ".txt",
                out -> PathsTextRenderer.render(p.from(), p.paths(), out));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("questions")
    void json(String name, Input input, String from, String to) {
        Paths p = ReportInputs.paths(input, from, to);
        Golden.check("paths-json/" + input.id + "." + name + ".json",
                out -> PathsJsonRenderer.render(p.from(), p.paths(), out));
    }
}
