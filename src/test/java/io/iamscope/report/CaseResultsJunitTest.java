package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Golden file of {@code iamscope test --format junit}: the sample policy tests and a few that fail or cannot run. */
class CaseResultsJunitTest {
    @Test
    void sampleCasesAndFailingOnes() throws Exception {
        String xml = CaseResultsJunit.render(ReportInputs.caseResults());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("2", root.getAttribute("skipped"));
        assertEquals(2, d.getElementsByTagName("failure").getLength());
        Golden.check("case-results-junit/policies-fixtures-cases.failing-cases.xml", out -> out.print(xml));
    }
}
