package io.miniman.operation;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

@Aspect
@Component
class LoggedOperationAspect {

    private final OperationService operations;

    LoggedOperationAspect(OperationService operations) {
        this.operations = operations;
    }

    @Around("@annotation(logged)")
    Object log(ProceedingJoinPoint call, LoggedOperation logged) throws Throwable {
        Object[] args = call.getArgs();
        OperationTarget target = logged.targetArg() >= 0 && logged.targetArg() < args.length
                ? OperationTarget.of(logged.targetKind(), String.valueOf(args[logged.targetArg()])) : null;
        return operations.runLogged(logged.type(), logged.name(), target, call::proceed);
    }
}
