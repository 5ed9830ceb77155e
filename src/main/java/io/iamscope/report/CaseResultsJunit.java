package io.iamscope.report;

import io.iamscope.policytest.CaseResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code iamscope test --format junit}: the results as the JUnit XML that CI systems display (GitLab's
 * {@code artifacts:reports:junit}, Jenkins, GitHub test-report actions): a {@code testsuite} per case file, a
 * {@code testcase} per case (named by its id, its class the file, with its line), {@code failure} and
 * {@code skipped} with the message. No time attribute: the runner measures none, and a made-up one would be noise.
 */
public final class CaseResultsJunit {
    private CaseResultsJunit() {
    }

    public static String render(List<CaseResult> results) {
        Map<String, List<CaseResult>> byFile = new LinkedHashMap<>();
        for (CaseResult r : results) {
            byFile.computeIfAbsent(file(r.origin()), k -> new ArrayList<>()).add(r);
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "iamscope test");
            counts(x, results);
            x.writeCharacters("\n");
            for (Map.Entry<String, List<CaseResult>> suite : byFile.entrySet()) {
                x.writeCharacters("  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite.getKey());
                counts(x, suite.getValue());
                x.writeCharacters("\n");
                for (CaseResult r : suite.getValue()) {
                    testcase(x, suite.getKey(), r);
                }
                x.writeCharacters("  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render results", e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter x, String file, CaseResult r) throws XMLStreamException {
        x.writeCharacters("    ");
        boolean empty = r.status() == CaseResult.Status.PASSED;
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("name", r.id());
        x.writeAttribute("classname", file);
        x.writeAttribute("file", file);
        String line = r.origin().substring(Math.min(r.origin().length(), file.length() + 1));
        if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
            x.writeAttribute("line", line);
        }
        if (!empty) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement(r.status() == CaseResult.Status.FAILED ? "failure" : "skipped");
            x.writeAttribute("message", r.message() == null ? "" : r.message());
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }
        x.writeCharacters("\n");
    }

    private static void counts(XMLStreamWriter x, List<CaseResult> results) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(results.size()));
        x.writeAttribute("failures", Long.toString(results.stream()
                .filter(r -> r.status() == CaseResult.Status.FAILED).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(results.stream()
                .filter(r -> r.status() == CaseResult.Status.SKIPPED).count()));
    }

    /** The file of an origin ({@code FILE:LINE} or {@code FILE}). */
    private static String file(String origin) {
        int colon = origin.lastIndexOf(':');
        return colon > 0 && origin.substring(colon + 1).chars().allMatch(Character::isDigit)
                && colon < origin.length() - 1 ? origin.substring(0, colon) : origin;
    }
}
