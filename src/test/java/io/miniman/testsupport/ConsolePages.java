package io.miniman.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.vaadin.flow.router.Route;

/**
 * Every {@code @Route} class of the console under io.miniman (test fixtures left out), found with Spring's
 * class-path scanner over the whole package, independently of where Vaadin itself looks.
 */
public final class ConsolePages {

    private ConsolePages() {
    }

    public static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> pages = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.miniman")) {
            Class<?> page;
            try {
                page = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (!page.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                pages.add(page);
            }
        }
        return pages;
    }
}
