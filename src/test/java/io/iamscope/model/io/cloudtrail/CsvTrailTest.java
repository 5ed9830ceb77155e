package io.iamscope.model.io.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.trail.TrailEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudTrail exported as CSV from Athena and from CloudTrail Lake (src/test/resources/trail/csv/, the sample
 * organization's logs in both shapes: README there) reads as the same events as the JSON logs.
 */
class CsvTrailTest {
    static final Path CSV = Path.of("src/test/resources/trail/csv");
    private static final Comparator<TrailEvent> ORDER = Comparator.comparing(TrailEvent::time)
            .thenComparing(TrailEvent::action).thenComparing(e -> e.identity().credentialKey())
            .thenComparing(e -> String.valueOf(e.errorCode())).thenComparing(e -> e.resources().toString());

    private static List<TrailEvent> sorted(List<TrailEvent> events) {
        return events.stream().sorted(ORDER).toList();
    }

    private static List<TrailEvent> read(Path path, ReadStats[] stats) throws IOException {
        return CloudTrailReaderTest.read(new CloudTrailReader(null, null, 1), List.of(path), stats);
    }

    @Test
    void athenaResultsReadAsTheJsonLogs() throws IOException {
        ReadStats[] json = new ReadStats[1];
        ReadStats[] csv = new ReadStats[1];
        List<TrailEvent> expected = sorted(read(CloudTrailReaderTest.SAMPLE, json));
        List<TrailEvent> actual = sorted(read(CSV.resolve("athena.csv"), csv));
        assertTrue(csv[0].warnings().isEmpty(), csv[0].warnings().toString());
        assertEquals(26, actual.size());
        assertEquals(expected, actual);
    }

    @Test
    void lakeResultsReadAsTheJsonLogs() throws IOException {
        ReadStats[] json = new ReadStats[1];
        ReadStats[] csv = new ReadStats[1];
        List<TrailEvent> expected = sorted(read(CloudTrailReaderTest.SAMPLE, json));
        List<TrailEvent> actual = sorted(read(CSV.resolve("lake.csv"), csv));
        assertTrue(csv[0].warnings().isEmpty(), csv[0].warnings().toString());
        assertEquals(expected, actual);
    }

    @Test
    void quotedCellsAndEmbeddedJsonAreReadAndBadRowsAreNamedByLine() throws IOException {
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(CSV.resolve("malformed.csv"), stats);
        List<String> w = stats[0].warnings().stream().map(ReadWarning::toString).toList();
        String file = CSV.resolve("malformed.csv").toString();
        assertEquals(List.of(file + " at line 4: 3 columns, the header has 11",
                file + " at line 5: eventTime `yesterday` is not an ISO 8601 time",
                file + " at line 6: useridentity is neither JSON nor a struct (`{name=value, ...}`): no `}` closing"
                        + " a struct at its end"), w.subList(0, 3));
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.get(3).startsWith(file + " at line 9: unreadable, the rest of the file skipped: "), w.get(3));
        assertEquals(2, events.size(), events.toString());
        TrailEvent put = sorted(events).get(0);
        assertEquals("Mozilla/5.0 (X11; Linux x86_64), \"quoted\" agent", put.userAgent());
        assertEquals("p, q", put.request().get("policyName"));
        assertEquals("{\"Version\": \"2012-10-17\", \"Statement\": []}", put.request().get("policyDocument"));
        assertEquals("AKIAEXAMPLEBOB000001", put.identity().accessKeyId());
        TrailEvent get = sorted(events).get(1);
        assertTrue(get.denied());
        assertEquals(List.of("arn:aws:s3:::b/k", "arn:aws:s3:::b"), get.resources());
    }

    @Test
    void aCsvWithoutCloudTrailsColumnsIsNotALogFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("costs.csv"), "service,cost\ns3,12\n");
        ReadStats[] stats = new ReadStats[1];
        assertTrue(read(dir, stats).isEmpty());
        assertEquals(1, stats[0].files());
        assertEquals(List.of(dir.resolve("costs.csv") + ": not a CloudTrail log file (no {\"Records\": [...]}, nor a"
                + " CSV header naming eventTime, eventSource, eventName and userIdentity)"),
                stats[0].warnings().stream().map(ReadWarning::toString).toList());
    }

    @Test
    void lakeTimesAndStructsInAnyCaseReadAsTheRecordSpellsThem() throws Exception {
        // With a byte order mark, as a spreadsheet saves it.
        String header = "\uFEFFeventTime,eventSource,eventName,userIdentity,responseElements,requestParameters\n";
        String row = "2026-11-27 21:03:12.250,sts.amazonaws.com,AssumeRole,"
                + "\"{type=IAMUser, ARN=arn:aws:iam::1:user/x, AccountId=111111111111, accessKeyId=AKIAX}\","
                + "\"{credentials={\"\"accessKeyId\"\":\"\"ASIANEW\"\"}, assumedRoleUser={\"\"arn\"\":"
                + "\"\"arn:aws:sts::1:assumed-role/r/s\"\"}}\","
                + "\"{roleArn=arn:aws:iam::1:role/r, roleSessionName=s}\"\n";
        Path dir = Files.createTempDirectory("lake");
        Files.writeString(dir.resolve("q.csv"), header + row);
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(dir, stats);
        assertEquals(1, events.size(), stats[0].warnings().toString());
        TrailEvent e = events.get(0);
        assertEquals(java.time.Instant.parse("2026-11-27T21:03:12.250Z"), e.time());
        assertEquals("arn:aws:iam::1:user/x", e.identity().arn());
        assertEquals("111111111111", e.identity().accountId());
        assertEquals("ASIANEW", e.issued().get(0).accessKeyId());
        assertEquals("arn:aws:iam::1:role/r", e.issued().get(0).principalArn());
    }
}
