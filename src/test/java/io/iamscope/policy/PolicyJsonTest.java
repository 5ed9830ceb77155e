package io.iamscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

/** The canonical JSON a diff compares: spelling differences IAM ignores vanish, meaning differences stay. */
class PolicyJsonTest {
    private static String canonical(String json) {
        return PolicyJson.of(PolicyParser.parse(json, "test")).toString();
    }

    @Test
    void aStringAndAOneElementListAreTheSame() {
        assertEquals(canonical("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}}"""), canonical("""
                {"Statement": [{"Resource": ["*"], "Action": ["s3:*"], "Effect": "Allow",
                 "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}}], "Version": "2012-10-17"}"""));
    }

    @Test
    void negatedElementsAndConditionsAreKept() {
        String json = canonical("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "X", "Effect": "Deny", "NotAction": "iam:*",
                 "NotResource": "arn:aws:s3:::b", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"},
                 "Bool": {"aws:SecureTransport": "false"}}}]}""");
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"X\",\"Effect\":\"Deny\","
                + "\"NotAction\":[\"iam:*\"],\"NotResource\":[\"arn:aws:s3:::b\"],\"Condition\":{\"StringNotEquals\":"
                + "{\"aws:RequestedRegion\":[\"us-east-1\"]},\"Bool\":{\"aws:SecureTransport\":[\"false\"]}}}]}", json);
    }

    @Test
    void aDifferentActionIsADifference() {
        assertNotEquals(canonical("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}"),
                canonical("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}"));
    }

    @Test
    void anyoneIsAStar() {
        assertEquals("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"sts:AssumeRole\"]}]}",
                canonical("{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\"}}"));
    }
}
