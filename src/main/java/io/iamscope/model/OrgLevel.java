package io.iamscope.model;

import java.util.List;

/**
 * One level of an account's place in its organization (the root, each OU down the path, the account itself)
 * with the SCPs and RCPs attached there. AWS requires an Allow at every level of the SCP chain
 * (AWS Organizations User Guide: "SCP evaluation").
 */
public record OrgLevel(String targetId, String name, List<OrgPolicy> scps, List<OrgPolicy> rcps) {
    public OrgLevel {
        scps = List.copyOf(scps);
        rcps = List.copyOf(rcps);
    }
}
