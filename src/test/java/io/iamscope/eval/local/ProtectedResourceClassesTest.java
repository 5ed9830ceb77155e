package io.iamscope.eval.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.ResourceClasses;
import io.iamscope.eval.ServiceRule;
import io.iamscope.eval.match.ArnList;
import io.iamscope.policy.parse.PolicyParser;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resource classes (one engine call per class) never mix a resource AWS protects with the others for an action
 * that changes it: a service-linked role would otherwise be copied the decision of an ordinary role.
 */
class ProtectedResourceClassesTest {
    private static final String SLR = "arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
    private static final List<String> ROLES = List.of("arn:aws:iam::111122223333:role/app", SLR,
            "arn:aws:iam::111122223333:role/ops");
    private final LocalAuthorizer engine = new LocalAuthorizer();
    private final PolicySet admin = PolicySet.builder().identity(AttachedPolicy.of("admin", PolicyParser.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
            "admin"))).build();

    private ResourceClasses classes(String action) {
        return engine.resourceClasses(admin, action, RequestContext.empty(), new ArnList(ROLES));
    }

    @Test
    void aChangeSetsTheServiceLinkedRoleApart() {
        ResourceClasses rc = classes("iam:UpdateAssumeRolePolicy");
        assertEquals(2, rc.classes().size(), rc.toString());
        for (BitSet cls : rc.classes()) {
            assertTrue(cls.get(1) ? cls.cardinality() == 1 : !cls.get(1), rc.toString());
        }
        Decision d = engine.authorize(new Request(Caller.user("arn:aws:iam::111122223333:user/admin"),
                "iam:UpdateAssumeRolePolicy", SLR, null, null), admin);
        assertEquals(ServiceRule.SERVICE_LINKED_ROLE, d.rule());
        assertFalse(d.isPossiblyAllowed());
    }

    @Test
    void aReadKeepsThemTogether() {
        assertEquals(1, classes("iam:GetRole").classes().size());
        assertEquals(1, classes("iam:PassRole").classes().size());
    }
}
