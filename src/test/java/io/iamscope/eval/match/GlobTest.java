package io.iamscope.eval.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.RequestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "s3:Get*, s3:GetObject, true",
        "s3:Get*, S3:GETOBJECT, true",
        "s3:Get*, s3:PutObject, false",
        "iam:?etRole, iam:GetRole, true",
        "iam:?etRole, iam:SetRolex, false",
        "*, anything, true",
        "*:Describe*, ec2:DescribeInstances, true",
        "s3:*Object*, s3:GetObjectAcl, true",
        "a*b*c, aXbYc, true",
        "a*b*c, aXbYcZ, false",
        "**, '', true",
    })
    void actionsIgnoreCase(String pattern, String input, boolean expected) {
        assertEquals(expected, Glob.of(pattern, true).matches(input));
    }

    @Test
    void resourcesAreCaseSensitive() {
        assertFalse(Glob.of("arn:aws:s3:::Bucket/*", false).matches("arn:aws:s3:::bucket/k"));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket/a/b/c, true",
        "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket, false",
        "arn:aws:s3:::bucket*, arn:aws:s3:::bucket-logs/x, true",
        "arn:aws:iam::*:role/*, arn:aws:iam::111122223333:role/a/b, true",
        "arn:aws:*:us-east-1:*:*, arn:aws:sqs:us-east-1:111122223333:q, true",
        "arn:aws:*:us-east-1:*:*, arn:aws:sqs:us-west-2:111122223333:q, false",
        "arn:aws:s3:*, arn:aws:s3:::bucket, true",
        "'arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', true",
        "arn:aws:iam::111122223333:*, arn:aws:iam::111122223333:user/x, true",
        "arn:*, arn:aws:iam::111122223333:user/x, true",
        "arn:aws:logs:*:*:log-group:a:*, arn:aws:logs:us-east-1:111122223333:log-group:a:log-stream:s, true",
    })
    void arnComponentsMatchSeparately(String pattern, String arn, boolean expected) {
        assertEquals(expected, ArnMatch.matches(Glob.of(pattern, false), arn));
    }

    @Test
    void starDoesNotSpanArnComponents() {
        // "*" in the service component cannot eat the region and account components.
        assertFalse(ArnMatch.matches(Glob.of("arn:aws:s3*:bucket", false), "arn:aws:s3:::bucket"));
    }

    @Test
    void variablesAreLiteralAndSpecialsEscapeWildcards() {
        RequestContext ctx = RequestContext.builder().put("aws:username", "a*b").build();
        Template t = Template.parse("arn:aws:s3:::home/${aws:username}/*", true, false);
        Glob g = t.resolve(ctx).glob();
        assertTrue(ArnMatch.matches(g, "arn:aws:s3:::home/a*b/x"));
        assertFalse(ArnMatch.matches(g, "arn:aws:s3:::home/aXb/x"));
        Glob star = Template.parse("a${*}b", true, false).resolve(RequestContext.empty()).glob();
        assertTrue(star.matches("a*b"));
        assertFalse(star.matches("aXb"));
    }

    @Test
    void variablesResolveAbsentUnknownAndDefault() {
        Template t = Template.parse("home/${aws:username, 'anon'}/${s3:prefix}", true, false);
        assertEquals(Template.Resolution.Status.ABSENT, t.resolve(RequestContext.empty()).status());
        RequestContext unknown = RequestContext.builder().unknown("s3:prefix").build();
        assertEquals(Template.Resolution.Status.UNKNOWN, t.resolve(unknown).status());
        RequestContext ctx = RequestContext.builder().put("s3:prefix", "p").build();
        assertEquals("home/anon/p", t.resolve(ctx).glob().text());
    }

    @Test
    void version2008KeepsVariablesLiteral() {
        Template t = Template.parse("home/${aws:username}", false, false);
        assertFalse(t.hasVariables());
        assertTrue(t.resolve(RequestContext.empty()).glob().matches("home/${aws:username}"));
    }
}
