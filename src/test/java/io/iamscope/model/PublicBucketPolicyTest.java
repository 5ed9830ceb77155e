package io.iamscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What S3 deems a public bucket policy (Amazon S3 User Guide, "The meaning of public"; S3 API Reference,
 * PublicAccessBlockConfiguration): {@code *} is public unless a condition fixes a source or the principal's
 * organization to values with no wildcard; a named account is not; where the rules leave room, not public.
 */
class PublicBucketPolicyTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            anyone                          | true  | "Principal": "*"
            anyone, AWS *                   | true  | "Principal": {"AWS": "*"}
            a named account                 | false | "Principal": {"AWS": "arn:aws:iam::111122223333:root"}
            a service                       | false | "Principal": {"Service": "cloudfront.amazonaws.com"}
            anyone from one VPC endpoint    | false | "Principal": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}
            anyone of an organization       | false | "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}
            anyone from an IP range         | false | "Principal": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}
            a source ARN with a wildcard    | true  | "Principal": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::*"}}
            a negated source account        | true  | "Principal": "*", "Condition": {"StringNotEquals": {"aws:SourceAccount": "111122223333"}}
            a condition on another key      | true  | "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}
            """)
    void publicOrNot(String what, boolean expected, String principalAndCondition) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", " + principalAndCondition
                + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}";
        assertEquals(expected, PublicBucketPolicy.isPublic(PolicyParser.parse(json, what)), what);
    }
}
