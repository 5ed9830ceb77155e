package io.iamscope.model.io.cloudtrail;

import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.policy.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer managed policy's versions changed as IAM changes them (IAM User Guide, "Versioning IAM policies"):
 * CreatePolicyVersion adds the next version (v1, v2, ... never reused), the default one when {@code setAsDefault};
 * SetDefaultPolicyVersion switches the default; DeletePolicyVersion removes a version that is not the default. A
 * version the snapshot does not hold (the policy was not collected, or its versions were not) is unknown.
 */
final class PolicyVersions {
    private final IamApplier to;
    private final EventValues v;

    PolicyVersions(IamApplier to, EventValues v) {
        this.to = to;
        this.v = v;
    }

    void create(String arn, PolicyDocument document, boolean setAsDefault, Instant time) {
        ManagedPolicy old = policyOrUnknown(arn);
        int next = 1;
        for (PolicyVersion x : old.versions()) {
            next = Math.max(next, number(x.versionId()) + 1);
        }
        List<PolicyVersion> versions = new ArrayList<>();
        for (PolicyVersion x : old.versions()) {
            versions.add(setAsDefault ? new PolicyVersion(x.versionId(), false, x.createDate(), x.document()) : x);
        }
        String id = "v" + next;
        versions.add(new PolicyVersion(id, setAsDefault, time.toString(), document));
        put(old, setAsDefault ? id : defaultId(old), versions);
    }

    void setDefault(String arn, String versionId) {
        ManagedPolicy old = policyOrUnknown(arn);
        List<PolicyVersion> versions = new ArrayList<>();
        boolean found = false;
        for (PolicyVersion x : old.versions()) {
            found |= versionId.equals(x.versionId());
            versions.add(new PolicyVersion(x.versionId(), versionId.equals(x.versionId()), x.createDate(),
                    x.document()));
        }
        if (!found) {
            to.warn(v.source() + ": version " + versionId + " of `" + arn + "` is not in the snapshot: its document"
                    + " is taken as unknown");
            versions.add(new PolicyVersion(versionId, true, null, v.unknown("versionId", UnknownDocument.IDENTITY)));
        }
        put(old, versionId, versions);
    }

    void delete(String arn, String versionId) {
        ManagedPolicy old = to.policy(arn);
        if (old == null) {
            return; // nothing the snapshot holds changes: IAM refuses to delete the default version
        }
        List<PolicyVersion> versions = new ArrayList<>(old.versions());
        versions.removeIf(x -> versionId.equals(x.versionId()) && !x.isDefault());
        put(old, defaultId(old), versions);
    }

    /**
     * The policy of that ARN; one the snapshot does not hold is given a default version of unknown content, which
     * the change then adds to or replaces.
     */
    private ManagedPolicy policyOrUnknown(String arn) {
        ManagedPolicy p = arn == null ? null : to.policy(arn);
        if (p != null) {
            return p;
        }
        String a = arn == null ? "" : arn;
        to.warn(v.source() + ": policy `" + a + "` is not in the snapshot: its default version is taken as unknown");
        return new ManagedPolicy(a, a.substring(a.lastIndexOf('/') + 1), a, "/", "v0", List.of(new PolicyVersion("v0",
                true, null, v.unknown("policyArn", UnknownDocument.IDENTITY))));
    }

    private void put(ManagedPolicy old, String defaultId, List<PolicyVersion> versions) {
        to.putPolicy(new ManagedPolicy(old.arn(), old.name(), old.id(), old.path(), defaultId, versions), v.source());
    }

    private static String defaultId(ManagedPolicy p) {
        PolicyVersion d = p.defaultVersion();
        return d == null ? p.defaultVersionId() : d.versionId();
    }

    private static int number(String versionId) {
        try {
            return versionId != null && versionId.startsWith("v") ? Integer.parseInt(versionId.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
