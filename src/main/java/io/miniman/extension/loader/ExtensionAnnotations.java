package io.miniman.extension.loader;

import java.lang.reflect.Constructor;
import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyValues;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.CommonAnnotationBeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Spring's annotation processing ({@code @Autowired}, constructor injection, {@code @Value}, {@code @PostConstruct},
 * {@code @PreDestroy}, {@code @Resource}) for the extensions' beans alone, where the context has none: the
 * packaged jar starts from bean definitions written out as code at build time, which do the console's injection
 * themselves and leave Spring's processors out. An extension's beans are found at start, and its pages built
 * when first opened, so they would get their default constructor and nothing injected. Classes outside the
 * extensions' packages are passed over: the console's beans are done, and its pages take constructor injection.
 */
final class ExtensionAnnotations implements SmartInstantiationAwareBeanPostProcessor, MergedBeanDefinitionPostProcessor,
        DestructionAwareBeanPostProcessor {

    /** The extensions' base packages, each ending in a dot. */
    private final List<String> packages;
    private final AutowiredAnnotationBeanPostProcessor autowired = new AutowiredAnnotationBeanPostProcessor();
    private final CommonAnnotationBeanPostProcessor common = new CommonAnnotationBeanPostProcessor();

    ExtensionAnnotations(BeanFactory factory, List<String> basePackages) {
        this.packages = basePackages.stream().map(name -> name + ".").toList();
        autowired.setBeanFactory(factory);
        common.setBeanFactory(factory);
    }

    private boolean owns(Class<?> type) {
        String name = ClassUtils.getUserClass(type).getName();
        return packages.stream().anyMatch(name::startsWith);
    }

    @Override
    public void postProcessMergedBeanDefinition(RootBeanDefinition definition, Class<?> type, String name) {
        if (owns(type)) {
            common.postProcessMergedBeanDefinition(definition, type, name);
            autowired.postProcessMergedBeanDefinition(definition, type, name);
        }
    }

    @Override
    public Constructor<?>[] determineCandidateConstructors(Class<?> type, String name) throws BeansException {
        return owns(type) ? autowired.determineCandidateConstructors(type, name) : null;
    }

    @Override
    public PropertyValues postProcessProperties(PropertyValues values, Object bean, String name) {
        if (!owns(bean.getClass())) {
            return values;
        }
        return autowired.postProcessProperties(common.postProcessProperties(values, bean, name), bean, name);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        return owns(bean.getClass()) ? common.postProcessBeforeInitialization(bean, name) : bean;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String name) {
        if (owns(bean.getClass())) {
            common.postProcessBeforeDestruction(bean, name);
        }
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return owns(bean.getClass()) && common.requiresDestruction(bean);
    }

    @Override
    public void resetBeanDefinition(String name) {
        autowired.resetBeanDefinition(name);
        common.resetBeanDefinition(name);
    }
}
