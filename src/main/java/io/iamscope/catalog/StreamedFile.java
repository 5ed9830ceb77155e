package io.iamscope.catalog;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.iamscope.catalog.CatalogReader.ActionDto;
import io.iamscope.catalog.CatalogReader.FileDto;
import io.iamscope.catalog.CatalogReader.KeyDto;
import io.iamscope.catalog.CatalogReader.ResourceDto;
import io.iamscope.catalog.CatalogReader.ServiceDto;
import io.iamscope.catalog.CatalogReader.SourceDto;
import io.iamscope.catalog.CatalogReader.TypeDto;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog file's records from Jackson's token stream. Data binding of the same records cost ~0.6 s
 * in a fresh JVM (reflection and introspection before the JIT warms up); the stream costs ~0.1 s, which is
 * what keeps the catalog's first load well under a second. Missing fields stay null, for
 * {@link CatalogReader} to report with their JSON pointer; unknown fields are skipped.
 */
final class StreamedFile {
    @FunctionalInterface
    private interface Item<T> {
        T read(JsonParser p) throws IOException;
    }

    private StreamedFile() {
    }

    static FileDto read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Integer format = null;
        SourceDto source = null;
        List<KeyDto> globals = null;
        List<String> rcpServices = null;
        List<ServiceDto> services = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "format" -> format = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsInt();
                case "source" -> source = object(p, StreamedFile::source);
                case "globalConditionKeys" -> globals = list(p, StreamedFile::key);
                case "rcpServices" -> rcpServices = list(p, StreamedFile::string);
                case "services" -> services = list(p, StreamedFile::service);
                default -> p.skipChildren();
            }
        }
        return new FileDto(format, source, globals, rcpServices, services);
    }

    private static SourceDto source(JsonParser p) throws IOException {
        expectObject(p);
        String pkg = null;
        String version = null;
        String updated = null;
        String converted = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "package" -> pkg = p.getValueAsString();
                case "version" -> version = p.getValueAsString();
                case "updatedAt" -> updated = p.getValueAsString();
                case "convertedAt" -> converted = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        return new SourceDto(pkg, version, updated, converted);
    }

    private static KeyDto key(JsonParser p) throws IOException {
        expectObject(p);
        String key = null;
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "key" -> key = p.getValueAsString();
                case "type" -> type = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        return new KeyDto(key, type);
    }

    private static ServiceDto service(JsonParser p) throws IOException {
        expectObject(p);
        String prefix = null;
        String name = null;
        List<TypeDto> types = null;
        List<KeyDto> keys = null;
        List<ActionDto> actions = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "prefix" -> prefix = p.getValueAsString();
                case "name" -> name = p.getValueAsString();
                case "resourceTypes" -> types = list(p, StreamedFile::type);
                case "conditionKeys" -> keys = list(p, StreamedFile::key);
                case "actions" -> actions = list(p, StreamedFile::action);
                default -> p.skipChildren();
            }
        }
        return new ServiceDto(prefix, name, types, keys, actions);
    }

    private static TypeDto type(JsonParser p) throws IOException {
        expectObject(p);
        String name = null;
        String arn = null;
        List<String> keys = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString();
                case "arn" -> arn = p.getValueAsString();
                case "conditionKeys" -> keys = list(p, StreamedFile::string);
                default -> p.skipChildren();
            }
        }
        return new TypeDto(name, arn, keys);
    }

    private static ActionDto action(JsonParser p) throws IOException {
        expectObject(p);
        String name = null;
        String access = null;
        List<ResourceDto> resources = null;
        List<String> keys = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString();
                case "access" -> access = p.getValueAsString();
                case "resources" -> resources = list(p, StreamedFile::resource);
                case "conditionKeys" -> keys = list(p, StreamedFile::string);
                default -> p.skipChildren();
            }
        }
        return new ActionDto(name, access, resources, keys);
    }

    private static ResourceDto resource(JsonParser p) throws IOException {
        expectObject(p);
        String type = null;
        boolean required = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> type = p.getValueAsString();
                case "required" -> required = p.getValueAsBoolean();
                default -> p.skipChildren();
            }
        }
        return new ResourceDto(type, required);
    }

    /** A list of items; null for JSON null; an error for anything else. */
    private static <T> List<T> list(JsonParser p, Item<T> item) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "expected a list, found " + p.currentToken());
        }
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new JsonParseException(p, "unexpected end of input");
            }
            out.add(p.currentToken() == JsonToken.VALUE_NULL ? null : item.read(p));
        }
        return out;
    }

    private static <T> T object(JsonParser p, Item<T> item) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return item.read(p);
    }

    private static void expectObject(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected an object, found " + p.currentToken());
        }
    }

    private static String string(JsonParser p) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            throw new JsonParseException(p, "expected a string, found " + p.currentToken());
        }
        return p.getValueAsString();
    }
}
