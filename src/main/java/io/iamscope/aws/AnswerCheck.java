package io.iamscope.aws;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Refuses a successful answer that is not what the API returns: a web page (a captive portal, a proxy, a wrong
 * {@code --endpoint-url}) or a document of another shape. The SDK reads such a body as an empty response, which
 * would pass for "nothing there"; refused, it becomes a {@link AwsFailure.Kind#MALFORMED_RESPONSE} failure, a gap in the
 * snapshot, never an empty answer.
 *
 * @param protocol what a successful body of this client's service looks like
 */
public record AnswerCheck(Protocol protocol) implements ExecutionInterceptor {
    private static final int PEEK = 512;

    /** How a service's successful answers begin. */
    public enum Protocol {
        /**
         * The query protocol (IAM, STS, EC2, SNS, CloudFormation, Auto Scaling): an XML document whose root is
         * {@code <OperationNameResponse>} ("Query API responses", AWS query protocol; EC2 API Reference,
         * "Query API responses").
         */
        QUERY,
        /** The JSON protocols: a JSON object ("AWS JSON 1.0/1.1 protocol": the response body is a JSON document). */
        JSON,
        /** REST-XML (S3): bodies of many shapes, raw JSON for a bucket policy; only a web page is refused. */
        REST_XML
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        Optional<InputStream> body = context.responseBody();
        if (!response.isSuccessful()) {
            return body;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String type = response.firstMatchingHeader("Content-Type").orElse("");
        if (type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            throw refused(operation, response, type, "");
        }
        BufferedInputStream in = new BufferedInputStream(body.orElse(InputStream.nullInputStream()), PEEK);
        String start = peek(in);
        String problem = problem(operation, start);
        if (problem != null) {
            throw refused(operation, response, type, problem + ": `" + excerpt(start) + "`");
        }
        return Optional.of(in);
    }

    /** Why {@code start}, the beginning of a successful body, is no answer to {@code operation}; null if it may be. */
    public String problem(String operation, String start) {
        String s = start.strip();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "a web page";
        }
        return switch (protocol) {
            case QUERY -> rootOf(s).equals(operation + "Response") ? null
                    : s.isEmpty() ? "an empty body" : "not a `" + operation + "Response` document";
            case JSON -> s.startsWith("{") ? null : s.isEmpty() ? "an empty body" : "not a JSON object";
            case REST_XML -> null;
        };
    }

    /** The name of the first element after any XML declaration, comments and processing instructions. */
    private static String rootOf(String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return "";
            }
            char next = xml.charAt(i + 1);
            if (next != '?' && next != '!') {
                break;
            }
            i++;
        }
        int end = i + 1;
        while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>'
                && xml.charAt(end) != '/') {
            end++;
        }
        String name = xml.substring(i + 1, end);
        return name.substring(name.indexOf(':') + 1);
    }

    private static String peek(BufferedInputStream in) {
        try {
            in.mark(PEEK);
            byte[] first = in.readNBytes(PEEK);
            in.reset();
            return new String(first, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SdkClientException.create("cannot read the answer: " + e.getMessage(), e);
        }
    }

    private static String excerpt(String start) {
        String s = start.replaceAll("\\s+", " ").strip();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** The failure for a successful answer to {@code operation} that is none: {@code problem} says why. */
    static SdkClientException refused(String operation, SdkHttpResponse response, String type,
            String problem) {
        String what = "HTTP " + response.statusCode() + (type.isEmpty() ? "" : " " + type);
        return SdkClientException.create("not an AWS answer to `" + operation + "`: " + what
                + (problem.isEmpty() ? "" : ", " + problem));
    }
}
