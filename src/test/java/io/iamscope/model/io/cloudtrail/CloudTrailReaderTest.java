package io.iamscope.model.io.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.trail.TrailEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CloudTrail logs as delivered, and what is skipped (with a warning) rather than read. */
class CloudTrailReaderTest {
    static final Path SAMPLE = Path.of("policies-fixtures/sample-org/cloudtrail");

    static final String RECORD = """
            {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::333333333333:user/bob",
            "accountId":"333333333333","accessKeyId":"AKIAEXAMPLEBOB000001"},"eventTime":"%s",
            "eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1"}""";

    static List<TrailEvent> read(CloudTrailReader reader, List<Path> paths, ReadStats[] stats) throws IOException {
        ConcurrentLinkedQueue<TrailEvent> events = new ConcurrentLinkedQueue<>();
        stats[0] = reader.read(CloudTrailReader.files(paths), events::add);
        return List.copyOf(events);
    }

    @Test
    void readsTheSampleLogsGzippedAndPlainFromTheFolderTree() throws IOException {
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(new CloudTrailReader(null, null, 2), List.of(SAMPLE), stats);
        assertEquals(4, stats[0].files());
        assertEquals(26, stats[0].records());
        assertEquals(26, events.size());
        assertTrue(stats[0].warnings().isEmpty(), stats[0].warnings().toString());
        // The plain file: the RegionLock probes in us-west-2.
        assertEquals(2, events.stream().filter(e -> e.region().equals("us-west-2") && e.denied()).count());
        TrailEvent assume = events.stream().filter(e -> e.name().equals("AssumeRole")
                && !e.issued().isEmpty() && e.issued().get(0).accessKeyId().equals("ASIAZPRODACMEDEPLOY1")).findFirst().orElseThrow();
        assertEquals("arn:aws:iam::222222222222:role/acme-deploy", assume.issued().get(0).principalArn());
        assertEquals("arn:aws:iam::333333333333:role/ci-deployer", assume.identity().principalArn());
        TrailEvent key = events.stream().filter(e -> e.name().equals("CreateAccessKey") && !e.failed()).findFirst()
                .orElseThrow();
        assertEquals("arn:aws:iam::333333333333:user/admin-ppatel", key.issued().get(0).principalArn());
        assertEquals("AKIAZPPATELPERSIST01", key.issued().get(0).accessKeyId());
    }

    @Test
    void theTimeWindowLeavesRecordsOutAndCountsThem() throws IOException {
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(new CloudTrailReader(Instant.parse("2026-11-27T22:00:00Z"),
                Instant.parse("2026-11-27T22:12:00Z"), 1), List.of(SAMPLE), stats);
        assertEquals(26, stats[0].records() + stats[0].outside());
        assertEquals(events.size(), stats[0].records());
        assertTrue(events.stream().allMatch(e -> !e.time().isBefore(Instant.parse("2026-11-27T22:00:00Z"))
                && e.time().isBefore(Instant.parse("2026-11-27T22:12:00Z"))));
        // until is exclusive: the ListObjectsV2 at 22:12:00 is out.
        assertTrue(events.stream().noneMatch(e -> e.name().equals("ListObjectsV2")));
        assertEquals(9, events.size());
    }

    @Test
    void aBadFileOrRecordIsAWarningNamingFileAndRecordAndTheRestIsRead(@TempDir Path dir) throws IOException {
        String good = RECORD.formatted("2026-11-27T21:00:00Z");
        Files.writeString(dir.resolve("a-not-cloudtrail.json"), "{\"accounts\": []}");
        Files.writeString(dir.resolve("b-bad-record.json"), "{\"Records\": [" + good + ","
                + RECORD.formatted("yesterday") + ", {\"eventName\": \"X\"}, " + good + "]}");
        byte[] gz = gzip("{\"Records\": [" + good + "," + good + "]}");
        Files.write(dir.resolve("c-truncated.json.gz"), Arrays.copyOf(gz, gz.length - 30));
        Files.writeString(dir.resolve("d-broken.json"), "{\"Records\": [" + good + ", {\"eventName\": ");
        Files.writeString(dir.resolve("notes.txt"), "not a log");
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(new CloudTrailReader(null, null, 2), List.of(dir), stats);
        assertEquals(4, stats[0].files()); // notes.txt is not a log file
        List<String> w = stats[0].warnings().stream().map(ReadWarning::toString).toList();
        assertEquals(5, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(dir.resolve("a-not-cloudtrail.json") + ": not a CloudTrail log file"), w.get(0));
        assertTrue(w.get(1).endsWith("b-bad-record.json at /Records/1: eventTime `yesterday` is not an ISO 8601 time"),
                w.get(1));
        assertTrue(w.get(2).endsWith("b-bad-record.json at /Records/2: no eventSource"), w.get(2));
        assertTrue(w.get(3).contains("c-truncated.json.gz") && w.get(3).contains("unreadable"), w.get(3));
        assertTrue(w.get(4).contains("d-broken.json at /Records/1: unreadable"), w.get(4));
        // b's two good records, whatever c gave before it broke, d's first.
        assertTrue(events.size() >= 3, events.toString());
        assertEquals(events.size(), stats[0].records());
    }

    @Test
    void readsLookupEventsOutput(@TempDir Path dir) throws IOException {
        String escaped = RECORD.formatted("2026-11-27T21:00:00Z").replace("\n", "").replace("\"", "\\\"");
        Files.writeString(dir.resolve("lookup.json"), "{\"Events\": [{\"EventId\": \"1\", \"CloudTrailEvent\": \""
                + escaped + "\"}], \"NextToken\": null}");
        ReadStats[] stats = new ReadStats[1];
        List<TrailEvent> events = read(new CloudTrailReader(null, null, 1), List.of(dir), stats);
        assertEquals(1, events.size(), stats[0].warnings().toString());
        assertEquals("s3:ListBuckets", events.get(0).action());
        assertTrue(events.get(0).issued().isEmpty());
    }

    @Test
    void aMissingPathIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> CloudTrailReader.files(List.of(Path.of("no/such/logs"))));
        assertEquals("no/such/logs", e.getMessage());
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
