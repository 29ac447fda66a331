package io.miniman.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;

import io.miniman.compose.StackRevisions;
import io.miniman.testsupport.MinimanSpringTest;

/** The transaction advisor passes over the libraries' classes and still finds the console's @Transactional. */
@MinimanSpringTest
class TransactionScopeTest {

    @Autowired
    BeanFactoryTransactionAttributeSourceAdvisor advisor;
    @Autowired
    StackRevisions revisions;

    @Test
    void theAdvisorMatchesTheConsolesTransactionalClassesOnly() {
        // SimpleJpaRepository is @Transactional itself; its instances are inside the repositories' proxies
        assertThat(AopUtils.canApply(advisor, SimpleJpaRepository.class)).isFalse();
        assertThat(AopUtils.canApply(advisor, StackRevisions.class)).isTrue();
        assertThat(AopUtils.isAopProxy(revisions)).as("a @Transactional service is still proxied").isTrue();
    }
}
