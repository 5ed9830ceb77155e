package io.iamscope.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the catalog file written by {@code scripts/convert-iam-data.js} (format 2, see docs/catalog.md) and turns
 * any flaw into a one-line {@link CatalogException}. Format 2 is format 1 plus {@code rcpServices}, the services
 * resource control policies apply to; a format 1 file is refused rather than read as "RCPs apply to nothing".
 */
final class CatalogReader {
    static final int FORMAT = 2;
    private static final JsonFactory JSON = new JsonFactory();

    private final String origin;
    private int nextId;

    private CatalogReader(String origin) {
        this.origin = origin;
    }

    /** The file's shape, read straight from the token stream by {@link StreamedFile}. */
    record FileDto(Integer format, SourceDto source, List<KeyDto> globalConditionKeys, List<String> rcpServices,
                   List<ServiceDto> services) {
    }

    record SourceDto(String packageName, String version, String updatedAt,
                     String convertedAt) {
    }

    record KeyDto(String key, String type) {
    }

    record ServiceDto(String prefix, String name, List<TypeDto> resourceTypes, List<KeyDto> conditionKeys,
                      List<ActionDto> actions) {
    }

    record TypeDto(String name, String arn, List<String> conditionKeys) {
    }

    record ActionDto(String name, String access, List<ResourceDto> resources, List<String> conditionKeys) {
    }

    record ResourceDto(String type, boolean required) {
    }

    static Catalog read(InputStream gzipped, String origin) {
        FileDto file;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(gzipped, 1 << 16), 1 << 16)) {
            try (JsonParser parser = JSON.createParser(in)) {
                file = StreamedFile.read(parser);
            }
        } catch (ZipException | EOFException e) {
            throw new CatalogException("catalog `" + origin + "` is not a complete gzip file: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CatalogException("catalog `" + origin + "` is not valid JSON: "
                    + e.getOriginalMessage().replace('\n', ' ') + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new CatalogException("catalog `" + origin + "` could not be read: " + e.getMessage(), e);
        }
        return new CatalogReader(origin).catalog(file);
    }

    private Catalog catalog(FileDto file) {
        if (file == null) {
            throw fail("", "is not a JSON object");
        }
        int format = require(file.format(), "format", "");
        if (format != FORMAT) {
            throw fail("/format", "is " + format + ", expected " + FORMAT);
        }
        SourceDto src = require(file.source(), "source", "");
        CatalogSource source = new CatalogSource(require(src.packageName(), "package", "/source"),
                require(src.version(), "version", "/source"), src.updatedAt(), src.convertedAt());
        List<ConditionKey> globals = conditionKeys(require(file.globalConditionKeys(), "globalConditionKeys", ""),
                "/globalConditionKeys");
        List<ServiceDto> serviceDtos = require(file.services(), "services", "");
        List<Service> services = new ArrayList<>(serviceDtos.size());
        for (int i = 0; i < serviceDtos.size(); i++) {
            services.add(service(require(serviceDtos.get(i), String.valueOf(i), "/services"), "/services/" + i));
        }
        List<String> rcpServices = require(file.rcpServices(), "rcpServices", "");
        for (int i = 0; i < rcpServices.size(); i++) {
            String prefix = require(rcpServices.get(i), String.valueOf(i), "/rcpServices");
            if (services.stream().noneMatch(s -> s.prefix().equalsIgnoreCase(prefix))) {
                throw fail("/rcpServices/" + i, "names `" + prefix + "`, which is not a service of the catalog");
            }
        }
        return new Catalog(source, services, globals, rcpServices);
    }

    private Service service(ServiceDto node, String at) {
        String prefix = require(node.prefix(), "prefix", at);
        Map<String, ResourceType> types = new HashMap<>();
        List<ResourceType> typeList = new ArrayList<>();
        List<TypeDto> typeDtos = require(node.resourceTypes(), "resourceTypes", at);
        for (int i = 0; i < typeDtos.size(); i++) {
            TypeDto t = typeDtos.get(i);
            String tAt = at + "/resourceTypes/" + i;
            String arn = require(t.arn(), "arn", tAt);
            ResourceType type = new ResourceType(prefix, require(t.name(), "name", tAt), arn,
                    require(t.conditionKeys(), "conditionKeys", tAt), ArnFormat.compile(arn));
            typeList.add(type);
            types.put(type.name().toLowerCase(Locale.ROOT), type);
        }
        List<ActionDto> actionDtos = require(node.actions(), "actions", at);
        List<Action> actions = new ArrayList<>(actionDtos.size());
        for (int i = 0; i < actionDtos.size(); i++) {
            actions.add(action(prefix, actionDtos.get(i), at + "/actions/" + i, types));
        }
        return new Service(prefix, require(node.name(), "name", at), actions, typeList,
                conditionKeys(require(node.conditionKeys(), "conditionKeys", at), at + "/conditionKeys"));
    }

    private Action action(String prefix, ActionDto node, String at, Map<String, ResourceType> types) {
        String name = require(node.name(), "name", at);
        String access = require(node.access(), "access", at);
        AccessLevel level = AccessLevel.fromLabel(access);
        if (level == null) {
            throw fail(at + "/access", "is `" + access + "`, not an access level");
        }
        List<ResourceDto> resourceDtos = require(node.resources(), "resources", at);
        List<ActionResource> resources = new ArrayList<>(resourceDtos.size());
        for (int i = 0; i < resourceDtos.size(); i++) {
            String typeName = require(resourceDtos.get(i).type(), "type", at + "/resources/" + i);
            ResourceType type = types.get(typeName.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw fail(at + "/resources/" + i + "/type", "names `" + typeName + "`, which service `" + prefix
                        + "` does not define");
            }
            resources.add(new ActionResource(type, resourceDtos.get(i).required()));
        }
        return new Action(nextId++, prefix, name, level, resources,
                require(node.conditionKeys(), "conditionKeys", at));
    }

    private List<ConditionKey> conditionKeys(List<KeyDto> dtos, String at) {
        List<ConditionKey> keys = new ArrayList<>(dtos.size());
        for (int i = 0; i < dtos.size(); i++) {
            keys.add(new ConditionKey(require(dtos.get(i).key(), "key", at + "/" + i), dtos.get(i).type()));
        }
        return keys;
    }

    private <T> T require(T value, String field, String at) {
        if (value == null) {
            throw fail(at, "lacks `" + field + "`");
        }
        return value;
    }

    private CatalogException fail(String pointer, String what) {
        return new CatalogException("catalog `" + origin + "` is malformed: `" + (pointer.isEmpty() ? "/" : pointer)
                + "` " + what);
    }
}
