package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;

/** One version of a managed policy ({@code PolicyVersionList} entry). */
public record PolicyVersion(String versionId, boolean isDefault, String createDate, PolicyDocument document) {
}
