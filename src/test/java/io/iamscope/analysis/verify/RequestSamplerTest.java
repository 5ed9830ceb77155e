package io.iamscope.analysis.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.catalog.Catalog;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSamplerTest {
    private static final SnapshotIndex INDEX = new SnapshotIndex(SnapshotReader.read(
            List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null).snapshot());

    @Test
    void sameSeedSameSampleOfRealActionsAndFittingResources() {
        RequestSampler sampler = new RequestSampler(INDEX, Catalog.bundled());
        List<SampledRequest> a = sampler.sample(20, 42);
        assertEquals(20, a.size());
        assertEquals(a, sampler.sample(20, 42));
        Catalog catalog = Catalog.bundled();
        for (SampledRequest r : a) {
            var action = catalog.action(r.action()).orElseThrow(() -> new AssertionError(r.action()));
            assertTrue("*".equals(r.resource()) || catalog.appliesTo(action, r.resource()), r.toString());
        }
    }
}
