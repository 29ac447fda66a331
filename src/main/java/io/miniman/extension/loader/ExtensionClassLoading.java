package io.miniman.extension.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import io.miniman.extension.ExtensionApi;

/**
 * Puts the extensions on the class path before the console's context is built, in this one process:
 * the jars of the extensions folder that pass {@link ExtensionJars}, in one class loader under the
 * console's own, plus any extension already on the class path (an extension's own tests, a developer's
 * run). Their Spring beans are registered lazily, so an extension bean that fails to build fails only
 * the page that needs it, never the console's start.
 */
public class ExtensionClassLoading implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Where extension jars are looked for: {@code /opt/miniman/extensions} on a box. */
    static final String FOLDER_PROPERTY = "miniman.extensions-dir";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        // its default (beside the data folder) is in application.properties, like every miniman.* setting
        Path folder = Path.of(environment.getRequiredProperty(FOLDER_PROPERTY)).normalize();
        Clock clock = Clock.systemUTC();
        ExtensionJars.Scan scan = ExtensionJars.scan(folder, clock);

        ClassLoader parent = context.getClassLoader() != null ? context.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        // the console keeps its own loader: Spring makes JDK proxies of package-private interfaces (the
        // repositories) in the bean class loader, which must be the loader that defined them
        ClassLoader loader = scan.jars().isEmpty() ? parent
                : new ExtensionClassLoader(urls(scan.jars()), parent);

        List<ExtensionProblem> problems = new ArrayList<>(scan.problems());
        List<ExtensionDescriptor> descriptors = descriptors(loader, scan, problems, clock);
        if (!descriptors.isEmpty() && context instanceof BeanDefinitionRegistry registry) {
            List<String> packages = descriptors.stream().map(ExtensionDescriptor::basePackage).toList();
            registerBeans(registry, environment, loader, packages).forEach((bean, reason) ->
                    problems.add(new ExtensionProblem(bean, reason, clock.instant())));
            if (AotDetector.useGeneratedArtifacts()) {
                context.getBeanFactory().addBeanPostProcessor(new ExtensionAnnotations(context.getBeanFactory(), packages));
            }
        }
        context.getBeanFactory().registerSingleton("extensions",
                new Extensions(folder.toAbsolutePath(), loader, descriptors, problems, clock));
    }

    /**
     * Each bean class is resolved here, by the extensions' loader, since the bean factory's cannot see it.
     * Returns the beans refused, with the reason. One whose class does not load stays registered and fails when
     * first needed, taking only the pages that use them. A class declaring {@code @Bean} methods is refused: the
     * packaged console, started from definitions written at build time, parses no configuration class, and
     * an extension's own tests, which do, must not see beans the box would not have.
     */
    private static Map<String, String> registerBeans(BeanDefinitionRegistry registry, ConfigurableEnvironment environment,
            ClassLoader loader, List<String> packages) {
        Set<String> before = Set.of(registry.getBeanDefinitionNames());
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, false, environment,
                new DefaultResourceLoader(loader));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        // the context has its annotation processors already; in the packaged jar, whose definitions were written
        // at build time, the configuration parser the scanner would add reads every configuration class again
        scanner.setIncludeAnnotationConfig(false);
        scanner.getBeanDefinitionDefaults().setLazyInit(true);
        scanner.scan(packages.toArray(String[]::new));
        Map<String, String> refused = new LinkedHashMap<>();
        for (String name : registry.getBeanDefinitionNames()) {
            if (!before.contains(name) && registry.getBeanDefinition(name) instanceof AbstractBeanDefinition bean) {
                try {
                    Class<?> type = bean.resolveBeanClass(loader);
                    registry.removeBeanDefinition(name);
                    if (declaresBeans(type)) {
                        refused.put(type.getName(), "it declares @Bean methods, which the console does not read:"
                                + " make each bean a @Component class of its own");
                        continue;
                    }
                    // a plain definition of the loaded class: a scanned one makes Spring's configuration
                    // parsing read the class file through the console's loader, which cannot see it
                    registry.registerBeanDefinition(name, new GenericBeanDefinition(bean));
                } catch (ClassNotFoundException | LinkageError e) {
                    refused.put(bean.getBeanClassName(), "its class does not load: " + e);
                }
            }
        }
        return refused;
    }

    private static boolean declaresBeans(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(Bean.class));
    }

    private static URL[] urls(List<ExtensionJars.Found> jars) {
        return jars.stream().map(found -> {
            try {
                return found.jar().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }

    /** One descriptor per extension name: the first found wins, a second of the same name is refused. */
    private static List<ExtensionDescriptor> descriptors(ClassLoader loader, ExtensionJars.Scan scan,
            List<ExtensionProblem> problems, Clock clock) {
        Map<String, ExtensionDescriptor> byName = new LinkedHashMap<>();
        Map<URL, ExtensionDescriptor> fromJars = new LinkedHashMap<>();
        for (ExtensionJars.Found found : scan.jars()) {
            try {
                fromJars.put(new URL("jar:" + found.jar().toUri().toURL() + "!/" + ExtensionApi.DESCRIPTOR),
                        found.descriptor());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        for (URL url : resources(loader)) {
            ExtensionDescriptor descriptor;
            try {
                descriptor = fromJars.containsKey(url) ? fromJars.get(url) : ExtensionDescriptor.parse(load(url),
                        url.toString());
            } catch (ExtensionRefused e) {
                problems.add(new ExtensionProblem(url.toString(), e.getMessage(), clock.instant()));
                continue;
            }
            ExtensionDescriptor first = byName.putIfAbsent(descriptor.name(), descriptor);
            if (first != null) {
                problems.add(new ExtensionProblem(descriptor.source(), "an extension named '" + descriptor.name()
                        + "' is already loaded from " + first.source(), clock.instant()));
            }
        }
        return List.copyOf(byName.values());
    }

    private static List<URL> resources(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(ExtensionApi.DESCRIPTOR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new ExtensionRefused("its descriptor cannot be read: " + e.getMessage());
        }
        return properties;
    }
}
