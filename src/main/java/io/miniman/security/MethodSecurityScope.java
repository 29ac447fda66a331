package io.miniman.security;

import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.method.AuthorizationAdvisor;

import io.miniman.config.LibraryBeans;

/**
 * Keeps method security's advisors off the libraries' beans. {@code @EnableMethodSecurity} registers one
 * advisor per annotation family, each under the name {@code <family>Advisor} around the interceptor
 * {@code <family>MethodInterceptor}; this swaps each for one whose pointcut first asks {@link LibraryBeans},
 * so only the console's and the extensions' classes have their methods searched for role annotations.
 */
class MethodSecurityScope implements BeanDefinitionRegistryPostProcessor {

    /** The families Spring Security's MethodSecurityAdvisorRegistrar registers, present or not. */
    static final String[] FAMILIES = {"preFilterAuthorization", "preAuthorizeAuthorization", "postFilterAuthorization",
        "postAuthorizeAuthorization", "securedAuthorization", "jsr250Authorization", "authorizeReturnObject"};

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String family : FAMILIES) {
            String advisor = family + "Advisor";
            // in the packaged jar the definitions come swapped already, from the ahead-of-time processing
            if (registry.containsBeanDefinition(advisor)
                    && !ScopedAdvisor.class.getName().equals(registry.getBeanDefinition(advisor).getBeanClassName())) {
                RootBeanDefinition scoped = new RootBeanDefinition(ScopedAdvisor.class);
                scoped.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
                scoped.getConstructorArgumentValues().addGenericArgumentValue(new RuntimeBeanReference(family + "MethodInterceptor"));
                registry.removeBeanDefinition(advisor);
                registry.registerBeanDefinition(advisor, scoped);
            }
        }
    }

    /** An authorization advisor whose pointcut passes over library classes before looking at any method. */
    static final class ScopedAdvisor implements PointcutAdvisor, Ordered, AopInfrastructureBean {

        private final AuthorizationAdvisor advisor;
        private final Pointcut pointcut;

        ScopedAdvisor(AuthorizationAdvisor advisor) {
            this.advisor = advisor;
            this.pointcut = new ComposablePointcut(LibraryBeans.EXCLUDED).intersection(advisor.getPointcut());
        }

        @Override
        public Pointcut getPointcut() {
            return pointcut;
        }

        @Override
        public Advice getAdvice() {
            return advisor.getAdvice();
        }

        @Override
        public int getOrder() {
            return advisor.getOrder();
        }
    }
}
