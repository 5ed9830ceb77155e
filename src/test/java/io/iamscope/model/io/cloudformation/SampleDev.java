package io.iamscope.model.io.cloudformation;

import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Templates applied to the sample organization's acme-dev, as the CloudFormation reader's tests use them. */
final class SampleDev {
    static final Path CI = Path.of("policies-fixtures/ci");
    static final String DEV = "333333333333";

    private SampleDev() {
    }

    static Snapshot sample() {
        return SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null)
                .snapshot();
    }

    /** {@code template} applied as stack {@code stack} in {@code region} (null: the template's or none). */
    static PlannedSnapshot apply(Path template, String region, String stack, Map<String, String> parameters) {
        return CloudFormationOverlay.apply(sample(), CloudFormationTemplate.read(template), DEV, region, stack,
                parameters);
    }

    static Role role(PlannedSnapshot p, String name) {
        return p.snapshot().account(DEV).roles().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no role " + name));
    }
}
