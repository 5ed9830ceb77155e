package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Grantor;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.BlastOptions;
import io.iamscope.analysis.blast.BlastRadiusAnalysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.hunt.HuntTarget;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A blast radius that reaches a definite administrator of an account lets that administrator stand for the
 * account's other principals, except those a policy names ({@code blast/taken-account.json}: the start may
 * assume role `admin`; users `u1` and `u2` hold DynamoDB rights, which the administrator has too; role `data`
 * is the only principal the policy of `secret-bucket` lets read it, and `admin` is denied it; role `vault`
 * trusts only `u2`, which may also read every role with iam:GetRole; `vault` may use KMS keys, and `admin` is
 * denied kms:Encrypt; a second administrator, `admin2`, is denied kms:Encrypt and iam:DeleteRole but may read
 * every object).
 */
class EnumerationPlanTest {
    private static final String ACCOUNT = "arn:aws:iam::222222222222:";
    private static final Catalog CATALOG = Catalog.bundled();

    private static BlastRadius blast() {
        return blast("src/test/resources/blast/taken-account.json");
    }

    private static BlastRadius blast(String file) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(Path.of(file)).snapshot());
        RequestContext context = AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of());
        return new BlastRadiusAnalysis(Workspaces.of(index), Tactics.load(CATALOG)).analyse("start", "stolen-keys", context, BlastOptions.defaults(Instant.parse("2026-11-28T00:00:00Z")));
    }

    @Test
    void theAdministratorStandsForUnnamedPrincipalsAndNamedOnesAreEnumeratedWhereNamed() {
        BlastRadius b = blast();
        assertTrue(b.canReachAdmin());
        List<String> reachable = b.reachable().stream().map(Reachable::arn).toList();
        assertTrue(reachable.containsAll(List.of(ACCOUNT + "role/admin", ACCOUNT + "user/u1", ACCOUNT + "user/u2",
                ACCOUNT + "role/data")), reachable.toString());
        // Enumerated in full: the start and the administrator (nearest of the two that leave out the fewest
        // actions); the others on what it leaves out and where a policy names them.
        assertEquals(List.of(ACCOUNT + "user/start", ACCOUNT + "role/admin"),
                b.principalsEvaluated().subList(0, 2));
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("5 reachable principal(s) of account `222222222222`")
                && n.contains("role/admin") && n.contains("but 2 of the catalog's actions; 1 other administrator(s)"
                + " stand for them on 1 of those, and the remaining 1 were enumerated")), b.notes().toString());

        // The bucket only `data` is named in, and `admin` is denied, is listed, granted by `data` (a stand-in
        // would have dropped it) and by `admin2`, whose own policy allows s3:GetObject everywhere.
        assertEquals(List.of(ACCOUNT + "role/admin2", ACCOUNT + "role/data"),
                grantors(b, "s3:GetObject", "arn:aws:s3:::secret-bucket/*").stream().sorted().toList());
        // DynamoDB access is listed through the administrator only: `u1` and `u2` were not enumerated for it.
        assertEquals(List.of(ACCOUNT + "role/admin"), grantors(b, "dynamodb:GetItem", "*"));
    }

    /**
     * {@code blast/taken-account-conditional.json}: the same account, the start's sts:AssumeRole allowed only in
     * us-east-1, a key a stolen key leaves unknown: every path to the account depends on aws:RequestedRegion. The
     * administrator, reached under that key, still stands for the principals reached under it (each was enumerated
     * in full before: quadratic where a region lock makes every path conditional), and what it grants stays
     * conditional, never hardened.
     */
    @Test
    void anAdministratorReachedUnderAKeyStandsForThePrincipalsReachedUnderIt() {
        BlastRadius b = blast("src/test/resources/blast/taken-account-conditional.json");
        assertTrue(b.canReachAdmin());
        assertEquals(List.of(ACCOUNT + "user/start", ACCOUNT + "role/admin"), b.principalsEvaluated().subList(0, 2));
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("5 reachable principal(s) of account `222222222222`")
                && n.contains("role/admin")), b.notes().toString());
        assertEquals(List.of(ACCOUNT + "role/admin"), grantors(b, "dynamodb:GetItem", "*"));
        assertTrue(resource(b, "dynamodb:GetItem", "*").conditional(), "reached only in us-east-1");
        // What the administrator is denied and what names other principals are still theirs, as when definite.
        assertEquals(List.of(ACCOUNT + "role/vault"), grantors(b, "kms:Encrypt", "*"));
        assertEquals(List.of(ACCOUNT + "role/admin2", ACCOUNT + "role/data"),
                grantors(b, "s3:GetObject", "arn:aws:s3:::secret-bucket/*").stream().sorted().toList());
    }

    /**
     * {@code blast/taken-account-region-lock.json}: the same account under an SCP that denies all but IAM and STS
     * outside us-east-1, a key a stolen key leaves unknown, so each of its administrators is one only in that region.
     * Such an administrator still stands for the others: it does so only on what its own policies allow everywhere
     * unconditionally, and the SCP decides its requests and theirs alike (IAM User Guide, "Policy evaluation logic").
     * Before, every principal of a region-locked account was enumerated in full: 110 a member account in a generated
     * organization, a blast radius of 100 members that did not end in 6 minutes.
     */
    @Test
    void anAdministratorOnlyUnderAnScpsConditionStandsForTheOthers() {
        BlastRadius b = blast("src/test/resources/blast/taken-account-region-lock.json");
        assertTrue(b.canReachAdmin());
        assertEquals(List.of(ACCOUNT + "user/start", ACCOUNT + "role/admin"), b.principalsEvaluated().subList(0, 2));
        // The four principals reached through it, not `admin2` (reached only through a region-locked step, so
        // enumerated in full rather than standing for principals `admin` reaches without one).
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("4 reachable principal(s) of account `222222222222`"
                + " were not enumerated in full: administrator `" + ACCOUNT + "role/admin`")), b.notes().toString());
        // `u1` and `u2` were not enumerated for DynamoDB: the administrators (`admin2` enumerated in full) list it.
        assertEquals(List.of(ACCOUNT + "role/admin", ACCOUNT + "role/admin2"),
                grantors(b, "dynamodb:GetItem", "*").stream().sorted().toList());
        assertTrue(resource(b, "dynamodb:GetItem", "*").conditional(), "allowed only in us-east-1");
        // IAM is outside the lock: the administrator's IAM access is definite.
        assertTrue(grantors(b, "iam:DeleteRole", "*").contains(ACCOUNT + "role/admin"));
        assertTrue(!resource(b, "iam:DeleteRole", "*").conditional(), "IAM is not region-locked");
        // What the administrator is denied, and what names other principals, stay theirs, under the lock too.
        assertEquals(List.of(ACCOUNT + "role/vault"), grantors(b, "kms:Encrypt", "*"));
        assertTrue(resource(b, "kms:Encrypt", "*").conditional(), "allowed only in us-east-1");
        assertEquals(List.of(ACCOUNT + "role/admin2", ACCOUNT + "role/data"),
                grantors(b, "s3:GetObject", "arn:aws:s3:::secret-bucket/*").stream().sorted().toList());
        // `u1` names the functions of us-east-1, where the lock allows, so its request there is not refused
        // whatever the region; the administrators' lambda:GetFunction is on `*`, any region. A stand-in alone would
        // have listed only that (here `u1`'s own path passes the lock too, so both stay conditional; the sample
        // organization's golden reports keep their definite counts).
        String functions = "arn:aws:lambda:us-east-1:222222222222:function:*";
        assertEquals(List.of(ACCOUNT + "user/u1"), grantors(b, "lambda:GetFunction", functions));
        assertTrue(resource(b, "lambda:GetFunction", "*").conditional(), "any region");
    }

    /**
     * {@code blast/credential-keys.json}: the start takes role `admin`; user `etl` may read `mfa-bucket`, whose
     * policy denies reads with {@code Bool aws:MultiFactorAuthPresent false}. The role session carries the key
     * (false): `admin` is denied; `etl`'s long-term keys carry none, and Bool on a missing key is false (IAM User
     * Guide, AWS global condition context keys): `etl` may read. The administrator cannot stand for `etl` there.
     */
    @Test
    void aResourcePolicyTestingCredentialKeysHasThePrincipalsEnumeratedOnIt() {
        BlastRadius b = blast("src/test/resources/blast/credential-keys.json");
        assertTrue(b.canReachAdmin());
        assertEquals(List.of(ACCOUNT + "user/etl"), grantors(b, "s3:GetObject", "arn:aws:s3:::mfa-bucket/*"));
    }

    @Test
    void whatTheAdministratorIsDeniedIsEnumeratedForThePrincipalsItStandsFor() {
        BlastRadius b = blast();
        // No administrator may kms:Encrypt: `vault`'s is listed, granted by `vault`, while its kms:Decrypt is the
        // administrator's. `admin2` is denied iam:DeleteRole, which `admin` stands for.
        assertEquals(List.of(ACCOUNT + "role/vault"), grantors(b, "kms:Encrypt", "*"));
        assertEquals(List.of(ACCOUNT + "role/admin"), grantors(b, "kms:Decrypt", "*"));
        assertEquals(List.of(ACCOUNT + "role/admin"), grantors(b, "iam:DeleteRole", "*"));
    }

    @Test
    void aPrincipalNamedOnlyInATrustPolicyIsEnumeratedOnTheTrustActionsOfThatRole() {
        BlastRadius b = blast();
        // Only `u2` may assume `vault` (its trust policy names it, not the account): listed, granted by `u2`.
        assertEquals(List.of(ACCOUNT + "user/u2"), grantors(b, "sts:AssumeRole", ACCOUNT + "role/vault"));
        // A trust policy takes no part in IAM's own actions on the role: `u2`'s iam:GetRole on it is the
        // administrator's too, and `u2` is not enumerated for it.
        assertEquals(List.of(ACCOUNT + "role/admin"), grantors(b, "iam:GetRole", ACCOUNT + "role/vault"));
    }

    /**
     * {@code blast/rcp-tells-apart.json}: the start may assume `admin` of account 222222222222, where `analyst`
     * (tag team=data) may read objects; account 333333333333's bucket lets the taken account read it, and an RCP
     * there denies s3:GetObject to callers without that tag; a data-perimeter RCP on the taken account tests
     * the caller's organization id.
     */
    @Test
    void anRcpTestingTheCallersTagsHasEveryPrincipalEnumeratedOnItsAccountsResources() {
        BlastRadius b = blast("src/test/resources/blast/rcp-tells-apart.json");
        // The administrator is denied by the other account's RCP (no tag); `analyst` is not, and is listed.
        assertEquals(List.of(ACCOUNT + "user/analyst"), grantors(b, "s3:GetObject", "arn:aws:s3:::perimeter-bucket/*"));
        // The organization id is the same for every principal of the account: the data perimeter does not stop
        // the administrator from standing for `analyst`.
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("1 reachable principal(s) of account `222222222222`"
                + " were not enumerated in full")), b.notes().toString());
    }

    @Test
    void huntingLooksAtEveryIdentityOfTheControlledAccountInOneCondition() {
        BlastRadius b = blast();
        // The account is controlled (its node is reachable): one account target stands for its six principals;
        // the start stays named, as the known foothold.
        assertEquals(List.of(new HuntTarget(HuntTarget.Kind.ACCOUNT, "222222222222"),
                new HuntTarget(HuntTarget.Kind.USER, ACCOUNT + "user/start")), b.huntTargets());
        assertTrue(b.huntingQueries().get(0).sql().contains("useridentity.accountid = '222222222222'"));
    }

    private static List<String> grantors(BlastRadius b, String action, String resource) {
        return resource(b, action, resource).grantedBy().stream().map(Grantor::principal).toList();
    }

    private static io.iamscope.analysis.blast.ResourceAccess resource(BlastRadius b, String action, String resource) {
        return b.services().stream().flatMap(s -> s.actions().stream()).filter(a -> a.action().equals(action))
                .flatMap(a -> a.resources().stream()).filter(r -> r.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError(action + " on " + resource + " is not listed"));
    }
}
