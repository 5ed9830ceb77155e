package io.iamscope.model.io.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.model.trail.TrailEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads CloudTrail log files as CloudTrail delivers them to S3 ({@code AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
 * *.json.gz}, each {@code {"Records": [...]}}: CloudTrail User Guide, "CloudTrail log file examples"), gzipped or
 * plain, from files or folder trees, and the output of {@code aws cloudtrail lookup-events} ({@code {"Events":
 * [{"CloudTrailEvent": "..."}]}}), and CSV exported from Athena or CloudTrail Lake ({@link CsvRecords}; a file
 * that does not start with {@code {} is read as CSV). Streamed: one record is in memory at a time per file; files
 * are read on several threads. What cannot be read is a {@link ReadWarning} and the rest is still read.
 */
public final class CloudTrailReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Instant since;
    private final Instant until;
    private final int threads;

    /**
     * @param since   records before this time are left out; null for none
     * @param until   records at or after this time are left out; null for none
     * @param threads files read at once
     */
    public CloudTrailReader(Instant since, Instant until, int threads) {
        this.since = since;
        this.until = until;
        this.threads = Math.max(1, threads);
    }

    /**
     * The log files under the paths, in path order: a folder's {@code .json}, {@code .csv} files, gzipped or not
     * ({@code .gz}), at any depth.
     *
     * @throws NoSuchFileException naming the first path that does not exist
     */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(CloudTrailReader::isLog).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isLog(Path p) {
        String n = p.getFileName().toString();
        String plain = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        return plain.endsWith(".json") || plain.endsWith(".csv");
    }

    /**
     * Reads every file, handing each record inside the window to {@code sink}, which is called from several
     * threads at once.
     */
    public ReadStats read(List<Path> files, Consumer<TrailEvent> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cloudtrail-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> readFile(f, sink)));
            }
            long records = 0;
            long outside = 0;
            List<ReadWarning> warnings = new ArrayList<>();
            for (Future<FileResult> fu : futures) {
                FileResult r = join(fu);
                records += r.records;
                outside += r.outside;
                warnings.addAll(r.warnings);
            }
            return new ReadStats(files.size(), records, outside, warnings);
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileResult join(Future<FileResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading CloudTrail logs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final class FileResult {
        long records;
        long outside;
        final List<ReadWarning> warnings = new ArrayList<>();
    }

    private FileResult readFile(Path file, Consumer<TrailEvent> sink) {
        FileResult result = new FileResult();
        String name = file.toString();
        try (InputStream in = open(file)) {
            return startsWithBrace(in) ? readJson(in, name, result, sink) : readCsv(in, name, result, sink);
        } catch (IOException | UncheckedIOException e) {
            result.warnings.add(new ReadWarning(name, null, "unreadable: " + firstLine(e)));
            return result;
        }
    }

    private FileResult readJson(InputStream in, String name, FileResult result, Consumer<TrailEvent> sink) {
        int index = -1;
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                result.warnings.add(new ReadWarning(name, null, "not a CloudTrail log file (no {\"Records\": [...]})"));
                return result;
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                boolean lookup = field.equals("Events");
                if ((field.equals("Records") || lookup) && value == JsonToken.START_ARRAY) {
                    found = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        JsonNode record = p.readValueAsTree();
                        if (lookup) {
                            record = lookupEvent(record);
                        }
                        accept(record, name, "/Records/" + index, result, sink);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                result.warnings.add(new ReadWarning(name, null, "not a CloudTrail log file (no {\"Records\": [...]})"));
            }
        } catch (IOException | UncheckedIOException e) {
            result.warnings.add(new ReadWarning(name, index < 0 ? null : "/Records/" + index,
                    "unreadable, the rest of the file skipped: " + firstLine(e)));
        }
        return result;
    }

    private FileResult readCsv(InputStream in, String name, FileResult result, Consumer<TrailEvent> sink)
            throws IOException {
        CsvRecords rows = CsvRecords.open(in);
        if (rows == null) {
            result.warnings.add(new ReadWarning(name, null, "not a CloudTrail log file (no {\"Records\": [...]}, "
                    + "nor a CSV header naming eventTime, eventSource, eventName and userIdentity)"));
            return result;
        }
        try (rows) {
            while (rows.next()) {
                String at = "line " + rows.line();
                JsonNode record;
                try {
                    record = rows.record();
                } catch (RecordMapper.BadRecord bad) {
                    result.warnings.add(new ReadWarning(name, at, bad.getMessage()));
                    continue;
                }
                accept(record, name, at, result, sink);
            }
        } catch (IOException | UncheckedIOException e) {
            result.warnings.add(new ReadWarning(name, "line " + rows.stoppedAt(),
                    "unreadable, the rest of the file skipped: " + firstLine(e)));
        }
        return result;
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** Whether the first character that is not white space is {@code {} (JSON); the stream is left where it was. */
    private static boolean startsWithBrace(InputStream in) throws IOException {
        in.mark(1 << 12);
        try {
            for (int i = 0, b = in.read(); b >= 0 && i < 1 << 12; i++, b = in.read()) {
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) { // a UTF-8 byte order mark
                    return b == '{';
                }
            }
            return true; // empty: JSON's reader says it is not CloudTrail
        } finally {
            in.reset();
        }
    }

    private static JsonNode lookupEvent(JsonNode e) throws IOException {
        JsonNode text = e.get("CloudTrailEvent");
        return text != null && text.isTextual() ? MAPPER.readTree(text.asText()) : e;
    }

    private void accept(JsonNode record, String file, String at, FileResult result, Consumer<TrailEvent> sink) {
        TrailEvent event;
        try {
            event = RecordMapper.map(record);
        } catch (RecordMapper.BadRecord bad) {
            result.warnings.add(new ReadWarning(file, at, bad.getMessage()));
            return;
        }
        if ((since != null && event.time().isBefore(since)) || (until != null && !event.time().isBefore(until))) {
            result.outside++;
            return;
        }
        result.records++;
        sink.accept(event);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        // gzip's magic number (RFC 1952), whatever the file is called.
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
