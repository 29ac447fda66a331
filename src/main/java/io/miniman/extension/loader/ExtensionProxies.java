package io.miniman.extension.loader;

import org.springframework.aop.framework.autoproxy.AbstractAutoProxyCreator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Hands the extensions' loader to Spring's auto-proxy creators once the console's own beans exist.
 * Without it, the method-security proxy of an extension page was generated where the console's loader
 * looked for it and could not see it ("ClassNotFoundException: ...$$SpringCGLIB$$0").
 */
@Component
class ExtensionProxies implements ApplicationListener<ContextRefreshedEvent> {

    private final Extensions extensions;

    ExtensionProxies(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (extensions.classLoader() instanceof ExtensionClassLoader loader) {
            event.getApplicationContext().getBeansOfType(AbstractAutoProxyCreator.class, false, false).values()
                    .forEach(creator -> creator.setProxyClassLoader(loader));
        }
    }
}
