package io.miniman.operation;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import io.miniman.config.LibraryBeans;

/**
 * Puts {@link LoggedOperationAspect} around every {@link LoggedOperation} method. An infrastructure advisor,
 * so the auto-proxy creator Spring registers for transactions and method security applies it too. It reaches
 * the aspect only at the first call: advisors are created before other beans, and one that held the aspect
 * would create the operation service (and what it needs) too early for those to get their own proxies.
 */
@Component
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class LoggedOperationAdvisor extends AbstractPointcutAdvisor {

    private final Pointcut pointcut = new ComposablePointcut(LibraryBeans.EXCLUDED)
            .intersection(AnnotationMatchingPointcut.forMethodAnnotation(LoggedOperation.class));
    private final MethodInterceptor advice;

    LoggedOperationAdvisor(ObjectProvider<LoggedOperationAspect> aspect) {
        this.advice = call -> aspect.getObject().invoke(call);
        setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return advice;
    }
}
