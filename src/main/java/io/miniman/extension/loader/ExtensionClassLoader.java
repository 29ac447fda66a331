package io.miniman.extension.loader;

import java.net.URL;
import java.net.URLClassLoader;

import org.springframework.core.SmartClassLoader;

/**
 * The loader of the extension jars, under the console's own. As the auto-proxy creators' class loader
 * it makes Spring pick per bean: an extension's class (a page with {@code @RolesAllowed}, a service with
 * {@code @PreAuthorize}) is proxied here, where its subclass can be found again; a console class is
 * proxied in the console's loader ({@link #getOriginalClassLoader}), as before.
 */
final class ExtensionClassLoader extends URLClassLoader implements SmartClassLoader {

    static {
        registerAsParallelCapable();
    }

    ExtensionClassLoader(URL[] jars, ClassLoader console) {
        super("miniman-extensions", jars, console);
    }

    @Override
    public ClassLoader getOriginalClassLoader() {
        return getParent();
    }
}
