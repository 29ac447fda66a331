package io.miniman.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the rows of a {@link LoggedOperation} outside the business transaction, so a refused or rolled
 * back change keeps its FAILED row. Ordered just outside the transaction interceptor (whose default order
 * is the lowest precedence) and inside method security: the usual call opens no transaction before this
 * runs, and its rows are written before and after the business one.
 * <p>
 * A plain interceptor behind {@link LoggedOperationAdvisor}, not an AspectJ aspect: matching an AspectJ
 * pointcut against every method of every bean cost about 0.4 s of each start, and aspectjweaver 180 classes.
 */
@Component
class LoggedOperationAspect implements MethodInterceptor {

    static final String ROLLED_BACK = "rolled back: a later step of the same change failed";

    private final OperationService operations;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LoggedOperationAspect(OperationService operations, PlatformTransactionManager transactions, Clock clock) {
        this.operations = operations;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        // the advisor's pointcut matched this annotation on the bean's own method, which an interface's need not carry
        LoggedOperation logged = AnnotationUtils.findAnnotation(
                AopUtils.getMostSpecificMethod(call.getMethod(), AopUtils.getTargetClass(call.getThis())), LoggedOperation.class);
        Object[] args = call.getArguments();
        OperationTarget target = logged.targetArg() >= 0 && logged.targetArg() < args.length
                ? OperationTarget.of(logged.targetKind(), String.valueOf(args[logged.targetArg()])) : null;
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return operations.runLogged(logged.type(), logged.name(), target, call::proceed);
        }
        return insideCallersTransaction(call, logged, target);
    }

    /**
     * A caller that already holds a transaction (another service, a test) gets its row once that
     * transaction ends: a row written inside it would be rolled back with it, and one written beside it
     * in a second transaction would wait for SQLite's write lock, which the caller holds until it ends (every
     * transaction here begins IMMEDIATE, see DatabaseConfig), and fail after the busy timeout.
     * Only then is it known whether a call that returned was kept.
     */
    private Object insideCallersTransaction(MethodInvocation call, LoggedOperation logged, OperationTarget target)
            throws Throwable {
        String user = OperationService.currentUser();
        Instant start = clock.instant();
        Object value;
        try {
            value = call.proceed();
        } catch (Throwable e) {
            afterTransaction(committed -> operations.recordFinished(logged.type(), logged.name(), target, user, start,
                    OperationStatus.FAILED, null, OperationService.messageOf(e)));
            throw e;
        }
        afterTransaction(committed -> operations.recordFinished(logged.type(), logged.name(), target, user, start,
                committed ? OperationStatus.COMPLETED : OperationStatus.FAILED,
                committed && value != null ? String.valueOf(value) : null, committed ? null : ROLLED_BACK));
        return value;
    }

    private void afterTransaction(Consumer<Boolean> write) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // the caller's transaction is over, but its resources are still bound: only a new one writes
                ownTransaction.executeWithoutResult(tx -> write.accept(status == STATUS_COMMITTED));
            }
        });
    }
}
