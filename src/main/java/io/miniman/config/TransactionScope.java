package io.miniman.config;

import org.springframework.aop.support.ClassFilters;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;

/**
 * Keeps the {@code @Transactional} advisor off the libraries' beans, as {@code security.MethodSecurityScope}
 * does for method security: it otherwise searches every method of each of the context's library beans for
 * the annotation. The repositories need it not: Spring Data gives each its own transaction interceptor.
 * Priority-ordered, so it is in place before the proxy creator first asks for the advisor.
 */
@Component
class TransactionScope implements BeanPostProcessor, PriorityOrdered {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof BeanFactoryTransactionAttributeSourceAdvisor advisor) {
            advisor.setClassFilter(ClassFilters.intersection(LibraryBeans.EXCLUDED, advisor.getPointcut().getClassFilter()));
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
