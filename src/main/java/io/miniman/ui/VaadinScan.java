package io.miniman.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.spring.annotation.EnableVaadin;

/**
 * Vaadin looks for routes, layouts, the app shell and error views only in the features' {@code ui} packages,
 * where the console keeps every page (ArchitectureTest holds it to that). It reads each class file it scans,
 * five times over at start-up; the whole of {@code io.miniman} is 730 classes, its {@code ui} packages 120.
 * Not for the command-line verbs, which start without Vaadin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableVaadin("io.miniman.**.ui")
class VaadinScan {
}
