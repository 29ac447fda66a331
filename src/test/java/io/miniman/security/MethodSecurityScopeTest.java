package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.miniman.config.LibraryBeans;
import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.ui.DashboardView;

/** Method security's advisors pass over the libraries' classes, and still find the console's role annotations. */
@MinimanSpringTest
class MethodSecurityScopeTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyMethodSecurityAdvisorIsScopedAndStillMatchesTheConsolesAnnotatedClasses() {
        Map<String, Advisor> advisors = context.getBeansOfType(Advisor.class);
        assertThat(advisors).containsKeys("preAuthorizeAuthorizationAdvisor", "jsr250AuthorizationAdvisor");
        for (String family : MethodSecurityScope.FAMILIES) {
            Advisor advisor = advisors.get(family + "Advisor");
            if (advisor != null) {
                assertThat(advisor).as(family).isInstanceOf(MethodSecurityScope.ScopedAdvisor.class);
            }
        }
        Advisor preAuthorize = advisors.get("preAuthorizeAuthorizationAdvisor");
        assertThat(AopUtils.canApply(preAuthorize, UserService.class)).isTrue();
        assertThat(AopUtils.canApply(preAuthorize, OpenSessions.class)).isFalse();
        assertThat(AopUtils.canApply(advisors.get("jsr250AuthorizationAdvisor"), DashboardView.class)).isTrue();
        assertThat(AopUtils.canApply(preAuthorize, BCryptPasswordEncoder.class)).isFalse();
    }
}
