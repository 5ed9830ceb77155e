package io.iamscope.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.LayerVerdict;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.OrganizationsDecisionDetail;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

class ResultMapperTest {
    static final String R = "arn:aws:s3:::b/k";

    @Test
    void organizationsBoundaryAndCrossAccountDetailsBecomeLayerVerdicts() {
        EvaluationResult r = EvaluationResult.builder().evalActionName("s3:GetObject").evalResourceName(R)
                .evalDecision(PolicyEvaluationDecisionType.IMPLICIT_DENY)
                .organizationsDecisionDetail(OrganizationsDecisionDetail.builder().allowedByOrganizations(true).build())
                .permissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.builder()
                        .allowedByPermissionsBoundary(false).build())
                .evalDecisionDetails(Map.of("IAM Policy", PolicyEvaluationDecisionType.ALLOWED,
                        "Resource Policy", PolicyEvaluationDecisionType.IMPLICIT_DENY))
                .build();
        Decision d = ResultMapper.map(r, R, null, RequestContext.empty());
        assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        List<LayerVerdict> layers = d.layers();
        assertEquals(new LayerVerdict(Layer.SCP, -1, Constraint.TRUE, Constraint.FALSE, true), layers.get(0));
        assertEquals(new LayerVerdict(Layer.BOUNDARY, -1, Constraint.FALSE, Constraint.FALSE, true), layers.get(1));
        assertTrue(layers.contains(new LayerVerdict(Layer.RESOURCE, -1, Constraint.FALSE, Constraint.FALSE, true)));
        assertTrue(layers.contains(new LayerVerdict(Layer.IDENTITY, -1, Constraint.TRUE, Constraint.FALSE, true)));
    }

    @Test
    void resourceSpecificResultDecidesAndPrincipalModeSourcesKeepTheirNames() {
        EvaluationResult r = EvaluationResult.builder().evalActionName("s3:GetObject").evalResourceName("*")
                .evalDecision(PolicyEvaluationDecisionType.ALLOWED)
                .resourceSpecificResults(ResourceSpecificResult.builder().evalResourceName(R)
                        .evalResourceDecision(PolicyEvaluationDecisionType.EXPLICIT_DENY)
                        .matchedStatements(Statement.builder().sourcePolicyId("DenyReports")
                                .sourcePolicyType(PolicySourceType.USER_MANAGED).build())
                        .build())
                .build();
        Decision d = ResultMapper.map(r, R, null, RequestContext.empty());
        assertEquals(Outcome.EXPLICIT_DENY, d.outcome());
        assertEquals("DenyReports", d.statements().get(0).ref().policy());
        assertEquals(io.iamscope.policy.Effect.DENY, d.statements().get(0).ref().effect());
    }
}
