package io.iamscope.model;

/** The organization policy types iamscope evaluates. */
public enum OrgPolicyType {
    SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY
}
