package io.iamscope.analysis.blast.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which resource names a principal's policy gives may decide an SCP's or RCP's condition otherwise than {@code *}:
 * aws:RequestedRegion is the region of the request's resource ARN, aws:ResourceAccount its account (IAM User
 * Guide, "AWS global condition context keys"); a wildcard or empty field tells nothing more.
 */
class NamedResourceTest {
    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:lambda:us-east-1:222222222222:function:*  | aws:requestedregion | true",
            "arn:aws:lambda:us-*:222222222222:function:*       | aws:requestedregion | true",
            "arn:aws:dynamodb:*:222222222222:table/data-*      | aws:requestedregion | false",
            "arn:aws:s3:::synth-*/*                            | aws:requestedregion | false",
            "arn:aws:*:*:222222222222:*                        | aws:resourceaccount | true",
            "arn:aws:s3:::*/*                                  | aws:resourceorgid   | false",
            "arn:aws:s3:::*                                    | aws:sourcevpc       | true",
            "not-an-arn                                        | aws:requestedregion | true",
    })
    void aNameTellsMoreThanAStarOnlyWhereItsFieldIsNamed(String pattern, String key, boolean expected) {
        assertEquals(expected, NamedResource.mayDecide(pattern, Set.of(key)));
    }
}
