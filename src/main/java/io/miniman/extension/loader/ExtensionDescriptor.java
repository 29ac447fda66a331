package io.miniman.extension.loader;

import java.util.Properties;
import java.util.regex.Pattern;

import io.miniman.extension.ExtensionApi;

/**
 * What an extension says of itself in {@link ExtensionApi#DESCRIPTOR}: a name, its version, the Java
 * package holding its classes (scanned for Spring beans and routes) and the API version it was built for.
 */
public record ExtensionDescriptor(String name, String version, String basePackage, int apiVersion, String source) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /** Refuses a descriptor the console cannot load, naming the key at fault. */
    static ExtensionDescriptor parse(Properties p, String source) {
        String name = p.getProperty("name", "").strip();
        if (!NAME.matcher(name).matches()) {
            throw new ExtensionRefused("its descriptor needs name=<lower-case letters, digits and dashes>, not '"
                    + name + "'");
        }
        String pkg = p.getProperty("package", "").strip();
        if (!PACKAGE.matcher(pkg).matches() || pkg.equals("io.miniman") || pkg.startsWith("io.miniman.")) {
            throw new ExtensionRefused("its descriptor needs package=<its own Java package, outside io.miniman>, not '"
                    + pkg + "'");
        }
        String api = p.getProperty("api-version", "").strip();
        int apiVersion;
        try {
            apiVersion = Integer.parseInt(api);
        } catch (NumberFormatException e) {
            throw new ExtensionRefused("its descriptor needs api-version=" + ExtensionApi.VERSION + ", not '" + api + "'");
        }
        if (apiVersion != ExtensionApi.VERSION) {
            throw new ExtensionRefused("it was built for extension API " + apiVersion + "; this console provides API "
                    + ExtensionApi.VERSION);
        }
        return new ExtensionDescriptor(name, p.getProperty("version", "").strip(), pkg, apiVersion, source);
    }

    /** How a problem with one of this extension's classes is listed: its jar (or descriptor), then the class. */
    String sourceOf(String className) {
        return source + " (" + className + ")";
    }
}
