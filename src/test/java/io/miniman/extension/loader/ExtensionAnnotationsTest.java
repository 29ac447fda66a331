package io.miniman.extension.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.mock.env.MockEnvironment;

import io.miniman.extension.loader.annotated.AnnotatedBean;

/**
 * A bean factory without Spring's annotation processors, as the packaged jar's context is: the extensions'
 * classes get injection and lifecycle callbacks, the console's are left as their definitions build them.
 */
class ExtensionAnnotationsTest {

    private final DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
    private final Clock clock = Clock.systemUTC();

    ExtensionAnnotationsTest() {
        // what the packaged jar's generated initializer and the context's refresh give the factory
        factory.setAutowireCandidateResolver(new ContextAnnotationAutowireCandidateResolver());
        MockEnvironment environment = new MockEnvironment().withProperty("hello.greeting", "hello");
        factory.addEmbeddedValueResolver(environment::resolvePlaceholders);
        factory.registerSingleton("clock", clock);
        factory.addBeanPostProcessor(new ExtensionAnnotations(factory, List.of(AnnotatedBean.class.getPackageName())));
    }

    @Test
    void anExtensionsBeanGetsItsConstructorFieldsValuesAndCallbacks() {
        factory.registerBeanDefinition("annotated", new RootBeanDefinition(AnnotatedBean.class));

        AnnotatedBean bean = factory.getBean(AnnotatedBean.class);
        assertThat(bean.clock).isSameAs(clock);
        assertThat(bean.field).isSameAs(clock);
        assertThat(bean.greeting).isEqualTo("hello");
        assertThat(bean.lifecycle).containsExactly("started");
        factory.destroySingletons();
        assertThat(bean.lifecycle).containsExactly("started", "stopped");
    }

    @Test
    void anExtensionsPageBuiltOnFirstOpenIsInjectedToo() {
        AnnotatedBean page = factory.createBean(AnnotatedBean.class);

        assertThat(page.field).isSameAs(clock);
        assertThat(page.lifecycle).containsExactly("started");
    }

    @Test
    void theConsolesOwnBeansArePassedOver() {
        factory.registerBeanDefinition("console", new RootBeanDefinition(ConsoleBean.class));

        assertThat(factory.getBean(ConsoleBean.class).field).isNull();
    }

    static class ConsoleBean {
        @Autowired
        Clock field;
    }
}
