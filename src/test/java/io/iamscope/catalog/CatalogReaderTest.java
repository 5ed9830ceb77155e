package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
    private static final String MINIMAL = """
            {"format":2,"source":{"package":"p","version":"1"},"globalConditionKeys":[],"rcpServices":["x"],
             "services":[{"prefix":"x","name":"X","resourceTypes":[{"name":"thing",
               "arn":"arn:${Partition}:x:${Region}:${Account}:thing/${ThingName}","conditionKeys":[]}],
               "conditionKeys":[],"actions":[{"name":"GetThing","access":"Read",
               "resources":[{"type":"thing","required":true}],"conditionKeys":[]}]}]}""";

    @Test
    void readsAMinimalCatalog() {
        Catalog c = Catalog.read(gzip(MINIMAL), "minimal");
        assertEquals(1, c.size());
        assertTrue(c.appliesTo(c.action(0), "arn:aws:x:us-east-1:123456789012:thing/t1"));
        assertTrue(c.supportsRcps("X"));
        assertFalse(c.supportsRcps("s3"));
    }

    @Test
    void theServicesUnderRcpsAreRequiredAndMustBeServices() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"rcpServices\":[\"x\"],", "")), "old"));
        assertEquals("catalog `old` is malformed: `/` lacks `rcpServices`", e.getMessage());
        e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"rcpServices\":[\"x\"]", "\"rcpServices\":[\"y\"]")), "bad"));
        assertEquals("catalog `bad` is malformed: `/rcpServices/0` names `y`, which is not a service of the catalog",
                e.getMessage());
    }

    @Test
    void notGzipIsAClearError() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "plain"));
        assertTrue(e.getMessage().startsWith("catalog `plain` is not a complete gzip file"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAClearError() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.substring(0, 80)), "cut"));
        assertTrue(e.getMessage().startsWith("catalog `cut` is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void wrongShapeNamesTheField() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"Read\"", "\"Reading\"")), "bad"));
        assertEquals("catalog `bad` is malformed: `/services/0/actions/0/access` is `Reading`, not an access level",
                e.getMessage());
        e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"prefix\"", "\"prefx\"")), "bad"));
        assertEquals("catalog `bad` is malformed: `/services/0` lacks `prefix`", e.getMessage());
        e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"format\":2", "\"format\":9")), "bad"));
        assertEquals("catalog `bad` is malformed: `/format` is 9, expected 2", e.getMessage());
    }

    @Test
    void undefinedResourceTypeIsAClearError() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> Catalog.read(gzip(MINIMAL.replace("\"type\":\"thing\"", "\"type\":\"other\"")), "bad"));
        assertTrue(e.getMessage().contains("names `other`, which service `x` does not define"), e.getMessage());
    }

    static InputStream gzip(String json) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
