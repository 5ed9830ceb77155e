package io.iamscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code iamscope --version}: the version Maven wrote into {@code build.properties} when it built the jar (the pom
 * holds the one copy), when it was built and by which JDK, and the Java running it now.
 */
final class BuildVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        Properties build = read();
        return new String[] {
            "iamscope " + build.getProperty("version", "(unknown: built without Maven's resources)"),
            "built " + build.getProperty("built", "?") + " with Java " + build.getProperty("java", "?"),
            "running on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
    }

    /** The version alone, as the build wrote it. */
    static String version() {
        return read().getProperty("version", "unknown");
    }

    private static Properties read() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build;
    }
}
