package io.iamscope.cli;

import io.iamscope.model.ToolVersion;
import picocli.CommandLine;

/**
 * {@code iamscope --version}: the version Maven wrote into the build ({@link ToolVersion}), when it was built and by
 * which JDK, and the Java running it now.
 */
final class BuildVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "iamscope " + ToolVersion.property("version", "(unknown: built without Maven's resources)"),
            "built " + ToolVersion.property("built", "?") + " with Java " + ToolVersion.property("java", "?"),
            "running on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
    }

    /** The version alone, as the build wrote it. */
    static String version() {
        return ToolVersion.version();
    }
}
