package io.iamscope.eval.compile;

import java.util.List;

/**
 * The statements of a policy set whose Action/NotAction matches one action, per layer. Computed once per
 * (policy set, action) and cached, so a request only tests resources and conditions. Null arrays mean the
 * layer does not exist (no boundary, no session policy, no organization, no resource policy). {@code byResource}
 * indexes the large caller-side layers by resource ({@link #forResource}); null when none is large.
 */
public record Candidates(CompiledStatement[] identity, CompiledStatement[] boundary, CompiledStatement[] session,
                         CompiledStatement[][] scpLevels, CompiledStatement[] rcp, CompiledStatement[] resource,
                         CallerIndexes byResource) {

    public Candidates(CompiledStatement[] identity, CompiledStatement[] boundary, CompiledStatement[] session,
                      CompiledStatement[][] scpLevels, CompiledStatement[] rcp, CompiledStatement[] resource) {
        this(identity, boundary, session, scpLevels, rcp, resource, CallerIndexes.of(identity, boundary, session,
                scpLevels));
    }

    static CompiledStatement[] array(List<CompiledStatement> list) {
        return list.toArray(new CompiledStatement[0]);
    }

    /** The same candidates with the caller-side statements whose Resource cannot match {@code resource} left out. */
    public Candidates forResource(String resource) {
        if (byResource == null) {
            return this;
        }
        return new Candidates(byResource.identity(identity, resource), byResource.boundary(boundary, resource),
                byResource.session(session, resource), byResource.scpLevels(scpLevels, resource), rcp, this.resource,
                byResource);
    }

    /** Candidates with another resource side, sharing the caller side and its indexes. */
    Candidates withResourceSide(CompiledStatement[] rcp, CompiledStatement[] resource) {
        return new Candidates(identity, boundary, session, scpLevels, rcp, resource, byResource);
    }

    /** The indexes of the caller-side layers large enough to need one (null entries: walked whole). */
    public record CallerIndexes(ResourcePrefixIndex identityIndex, ResourcePrefixIndex boundaryIndex,
                                ResourcePrefixIndex sessionIndex, ResourcePrefixIndex[] scpIndexes) {

        static CallerIndexes of(CompiledStatement[] identity, CompiledStatement[] boundary,
                                CompiledStatement[] session, CompiledStatement[][] scpLevels) {
            ResourcePrefixIndex[] scps = null;
            boolean any = false;
            if (scpLevels != null) {
                scps = new ResourcePrefixIndex[scpLevels.length];
                for (int i = 0; i < scpLevels.length; i++) {
                    scps[i] = ResourcePrefixIndex.of(scpLevels[i]);
                    any |= scps[i] != null;
                }
            }
            ResourcePrefixIndex id = ResourcePrefixIndex.of(identity);
            ResourcePrefixIndex b = ResourcePrefixIndex.of(boundary);
            ResourcePrefixIndex s = ResourcePrefixIndex.of(session);
            any |= id != null || b != null || s != null;
            return any ? new CallerIndexes(id, b, s, scps) : null;
        }

        CompiledStatement[] identity(CompiledStatement[] all, String resource) {
            return identityIndex == null ? all : identityIndex.select(resource);
        }

        CompiledStatement[] boundary(CompiledStatement[] all, String resource) {
            return boundaryIndex == null ? all : boundaryIndex.select(resource);
        }

        CompiledStatement[] session(CompiledStatement[] all, String resource) {
            return sessionIndex == null ? all : sessionIndex.select(resource);
        }

        CompiledStatement[][] scpLevels(CompiledStatement[][] all, String resource) {
            if (all == null || scpIndexes == null) {
                return all;
            }
            CompiledStatement[][] out = all.clone();
            for (int i = 0; i < out.length; i++) {
                if (scpIndexes[i] != null) {
                    out[i] = scpIndexes[i].select(resource);
                }
            }
            return out;
        }
    }
}
