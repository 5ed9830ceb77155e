package io.iamscope.model.io.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Athena's and CloudTrail Lake's text of a struct, map or array, read as JSON. */
class StructTextTest {
    private static String json(String column, String text, boolean stringMap) throws RecordMapper.BadRecord {
        return StructText.parse(column, text, stringMap).toString();
    }

    @Test
    void readsStructsArraysNullsAndJsonValues() throws Exception {
        assertEquals("{\"type\":\"Role\",\"arn\":\"arn:aws:iam::1:role/r\",\"ctx\":{\"attributes\":{\"mfa\":\"false\"},"
                        + "\"issuer\":null},\"empty\":{}}",
                json("c", "{type=Role, arn=arn:aws:iam::1:role/r, ctx={attributes={mfa=false}, issuer=null}, empty={}}",
                        false));
        assertEquals("[{\"arn\":\"arn:aws:s3:::b/k\",\"type\":\"AWS::S3::Object\"},{\"arn\":\"x\"}]",
                json("c", "[{arn=arn:aws:s3:::b/k, type=AWS::S3::Object}, {arn=x}]", false));
        assertEquals("{\"credentials\":{\"accessKeyId\":\"ASIA1\"},\"n\":\"1\"}",
                json("c", "{credentials={\"accessKeyId\":\"ASIA1\"}, n=1}", false));
        // A map<string,string>'s JSON value stays its text: the record's string (a policy document).
        assertEquals("{\"policyDocument\":\"{\\\"Version\\\": \\\"2012-10-17\\\"}\",\"roleName\":\"r\"}",
                json("c", "{policyDocument={\"Version\": \"2012-10-17\"}, roleName=r}", true));
        // A value with a comma but no `name=` after it is kept whole; so is one with `=`.
        assertEquals("{\"ua\":\"a, b\",\"q\":\"x=y\"}", json("c", "{ua=a, b, q=x=y}", false));
    }

    @Test
    void whatIsNeitherIsABadRecordNamingTheColumn() {
        RecordMapper.BadRecord e = assertThrows(RecordMapper.BadRecord.class, () -> json("useridentity", "{type", false));
        assertEquals("useridentity is neither JSON nor a struct (`{name=value, ...}`): no `=` after a name at"
                + " character 2", e.getMessage());
        assertThrows(RecordMapper.BadRecord.class, () -> json("c", "{\"a\": ", false));
        assertThrows(RecordMapper.BadRecord.class, () -> json("c", "{a=b}}", false));
        assertThrows(RecordMapper.BadRecord.class, () -> json("c", "{a=".repeat(100_000), false));
    }

    /** Any text is read or is a bad record: never another exception (a hostile export must not stop the read). */
    @Test
    void randomTextIsReadOrABadRecord() throws Exception {
        Random random = new Random(19);
        String alphabet = "{}[]=, \"a:1n";
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                mapper.readTree(json("c", b.toString(), random.nextBoolean()));
            } catch (RecordMapper.BadRecord expected) {
                // the row is skipped with a warning
            }
        }
    }
}
