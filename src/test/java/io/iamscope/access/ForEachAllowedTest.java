package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.Account;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.synth.AccountGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AccessChecker#forEachAllowed} decides a class of targets with one engine call; it must give exactly the
 * answers of one check per target: the same targets, in the same order, with equal evidence (outcome,
 * condition with the statement behind each of its tests, granting statements). Checked for every user and
 * role of each snapshot as the actor, over the users, roles and resources of every account. The actions'
 * policies in these snapshots use tag conditions ({@code aws:ResourceTag/team} =
 * {@code ${aws:PrincipalTag/team}}), region conditions on regional resources, policy variables that resolve,
 * are absent or unknown, NotResource, Denies, boundaries, resource policies, roles sharing a trust policy
 * text with and without a condition on an unknown key, and roles whose trust policy allows only another
 * action, allows through NotAction or {@code sts:*}, or only denies ({@code graph/target-classes.json} was
 * written to contain each of these).
 */
class ForEachAllowedTest {
    /** Stolen long-term keys: no MFA, not through a service, source IP unknown. */
    private static final RequestContext ATTACKER = RequestContext.builder().put("aws:MultiFactorAuthPresent", "false")
            .put("aws:ViaAWSService", "false").unknown("aws:SourceIp").build();

    private static final List<String> ACTIONS = List.of("iam:CreateAccessKey", "iam:UpdateLoginProfile",
            "iam:UpdateAssumeRolePolicy", "iam:PassRole", "iam:AddUserToGroup", "lambda:UpdateFunctionCode",
            "s3:GetObject", "kms:Decrypt", "sqs:SendMessage", "sts:AssumeRole", "sts:TagSession");

    static Stream<Path> snapshots() throws IOException {
        Path generated = Files.createTempFile("iamscope-generated", ".json");
        new ObjectMapper().writeValue(generated.toFile(),
                // 180 roles: more than 64 distinct trust policy texts, so classes are cut member by member too.
                new AccountGenerator(new AccountGenerator.Spec(20, 180, 60, 5, "123456789012")).snapshot());
        generated.toFile().deleteOnExit();
        // An organization: hub-and-spoke trusts and resources shared across accounts, and Lambda functions in
        // every account, most without a policy (denied across accounts without a decision, ClassChecks).
        Path organization = Files.createTempFile("iamscope-organization", ".json");
        new ObjectMapper().writeValue(organization.toFile(),
                new io.iamscope.synth.OrganizationGenerator(new io.iamscope.synth.OrganizationGenerator.Spec(3, 8, 2,
                        6, 11)).snapshot());
        organization.toFile().deleteOnExit();
        return Stream.of(Path.of("src/test/resources/graph/target-classes.json"),
                Path.of("policies-fixtures/sample-org/snapshot.json"), generated, organization);
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void classDecisionsEqualOneCheckPerTarget(Path snapshot) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(snapshot).snapshot());
        AccessChecker checker = new AccessChecker(new Gatherer(index), new LocalAuthorizer(), ATTACKER);
        TargetFacts facts = new TargetFacts(index);
        RequestContext passedToLambda = ATTACKER.toBuilder()
                .put("iam:PassedToService", "lambda.amazonaws.com").build();
        // Users and roles read their matches from the snapshot-wide list, as in graph building; resources not.
        TargetUniverse universe = new Inventory(index).arns();
        List<Targets<?>> lists = new ArrayList<>();
        for (Account a : index.snapshot().accounts()) {
            lists.add(new Targets<>(a.users(), User::arn, facts, universe));
            lists.add(new Targets<>(a.roles(), Role::arn, facts, universe));
            lists.add(new Targets<>(a.resources(), Resource::arn, facts, null));
        }
        int compared = 0;
        int allowed = 0;
        for (Account account : index.snapshot().accounts()) {
            List<PrincipalRef> actors = new ArrayList<>();
            account.users().forEach(u -> actors.add(new PrincipalRef(PrincipalRef.Kind.USER, u, u.accountId(), null, null)));
            account.roles().forEach(r -> actors.add(new PrincipalRef(PrincipalRef.Kind.ROLE, r, r.accountId(), null, null)));
            for (PrincipalRef ref : actors) {
                Actor actor = checker.actor(ref);
                for (String action : ACTIONS) {
                    for (Targets<?> targets : lists) {
                        for (RequestContext ctx : List.of(ATTACKER, passedToLambda)) {
                            List<Evidence> expected = new ArrayList<>();
                            for (int i = 0; i < targets.size(); i++) {
                                Evidence e = checker.check(ref, action, targets.arn(i), ctx);
                                if (e.allows()) {
                                    expected.add(e);
                                }
                            }
                            List<Evidence> actual = new ArrayList<>();
                            checker.forEachAllowed(actor, action, targets, ctx, (t, e) -> actual.add(e));
                            assertEquals(expected, actual, ref.arn() + " " + action + " in " + ctx);
                            compared++;
                            allowed += expected.size();
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100 && allowed > 10, compared + " comparisons, " + allowed + " allowed");
    }
}
