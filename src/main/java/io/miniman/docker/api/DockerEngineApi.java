package io.miniman.docker.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.docker.DockerEngine;
import io.miniman.docker.EngineInfo;
import io.miniman.docker.EngineState;
import io.miniman.docker.security.DockerSecurityActions;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.security.DockerSecuritySettings;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;

/** The engine page (state, version, disk usage) and the Docker security settings (ADMIN). */
@RestController
@RequestMapping(ApiPaths.V1 + "/docker")
class DockerEngineApi {

    private final DockerEngine engine;
    private final DockerSecurityPolicy policy;
    private final DockerSecurityActions security;

    DockerEngineApi(DockerEngine engine, DockerSecurityPolicy policy, DockerSecurityActions security) {
        this.engine = engine;
        this.policy = policy;
        this.security = security;
    }

    @GetMapping("/state")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Whether the console reaches the engine, and why not")
    EngineState state() {
        return engine.state();
    }

    @GetMapping("/info")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The engine's version, host and disk usage")
    EngineInfo info() {
        return engine.info();
    }

    @GetMapping("/security")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "What non-admins may ask of Docker (bind folders)")
    DockerSecuritySettings securitySettings() {
        return policy.settings();
    }

    @PutMapping("/security")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Change what non-admins may ask of Docker")
    DockerSecuritySettings saveSecuritySettings(@RequestBody DockerSecuritySettings settings) {
        security.save(settings);
        return policy.settings();
    }
}
