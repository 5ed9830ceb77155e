package io.iamscope.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What Maven wrote into {@code build.properties} when it built iamscope: its version (the pom holds the one copy),
 * when, and with which JDK. Read here, below every layer, so that the snapshots {@code collect} writes, the SARIF
 * reports and {@code --version} all name the same version.
 */
public final class ToolVersion {
    private static final Properties BUILD = read();

    private ToolVersion() {
    }

    /** The version, {@code unknown} when the classes were built without Maven's resources. */
    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /** A property of the build ({@code built}, {@code java}), or {@code fallback}. */
    public static String property(String name, String fallback) {
        return BUILD.getProperty(name, fallback);
    }

    private static Properties read() {
        Properties build = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build;
    }
}
