package io.miniman.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.miniman.docker.container.RunSpec;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.security.NotAllowedForRole;

/**
 * The Docker security settings applied to a stack: each service is judged as the container the run
 * dialog would make, each volume as the volume dialog's, so a stack is no way around them.
 */
@Component
class StackPolicy {

    private final DockerSecurityPolicy policy;

    StackPolicy(DockerSecurityPolicy policy) {
        this.policy = policy;
    }

    /**
     * Why the current user may not run this effective configuration; empty when they may. Called for
     * non-admins only, on an operation thread (the policy then sees no admin, which is the point).
     */
    List<String> refusals(String effectiveConfig) {
        ComposeShapes shapes = ComposeShapes.of(effectiveConfig);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<RunSpec>> service : shapes.services().entrySet()) {
            for (RunSpec spec : service.getValue()) {
                refuse("service '" + service.getKey() + "': ", () -> policy.check(spec), out);
            }
        }
        shapes.volumes().forEach((name, spec) -> refuse("volume '" + name + "': ", () -> policy.check(spec), out));
        out.addAll(shapes.beyond());
        return out;
    }

    private static void refuse(String prefix, Runnable check, List<String> out) {
        try {
            check.run();
        } catch (NotAllowedForRole e) {
            if (!out.contains(prefix + e.getMessage())) {
                out.add(prefix + e.getMessage());
            }
        }
    }
}
