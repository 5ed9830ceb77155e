package io.iamscope.report;

import io.iamscope.analysis.whocan.WhoCanResult;
import io.iamscope.report.ReportInputs.Input;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of {@code iamscope who-can ACTION RESOURCE} (text and JSON). */
class WhoCanRenderersTest {
    /** name (of the golden files), input, action, resource. */
    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("get-customer-data", Input.SAMPLE_ORG, "s3:GetObject",
                        "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv"),
                Arguments.of("get-payments-secret", Input.SAMPLE_ORG, "secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:us-east-1:222222222222:secret:payments/db-AbCdEf"),
                Arguments.of("assume-dev-break-glass", Input.SAMPLE_ORG, "sts:AssumeRole",
                        "arn:aws:iam::333333333333:role/dev-break-glass"),
                Arguments.of("get-unknown-bucket", Input.SAMPLE_ORG, "s3:GetObject",
                        "arn:aws:s3:::not-in-the-snapshot/key"),
                Arguments.of("put-user-policy", Input.PUT_USER_POLICY, "iam:PutUserPolicy",
                        ReportInputs.ATTACKER),
                Arguments.of("pass-svc-role", Input.PASS_ROLE, "iam:PassRole",
                        "arn:aws:iam::111111111111:role/svc-role"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void text(String name, Input input, String action, String resource) {
        WhoCanResult r = ReportInputs.whoCan(input, action, resource);
        Golden.check("who-can-text/" + input.id + "." + name + ".txt", out -> WhoCanTextRenderer.render(r, out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void json(String name, Input input, String action, String resource) {
        WhoCanResult r = ReportInputs.whoCan(input, action, resource);
        Golden.check("who-can-json/" + input.id + "." + name + ".json", out -> WhoCanJsonRenderer.render(r, out));
    }
}
