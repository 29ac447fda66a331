package io.miniman.compose.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.InvalidInputException;
import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.compose.StackActions;
import io.miniman.compose.StackDetail;
import io.miniman.compose.StackDraft;
import io.miniman.compose.StackRevisions;
import io.miniman.compose.StackService;
import io.miniman.compose.StackSummary;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;

/** Compose stacks: the stacks views' reads and actions, through {@link StackActions}. */
@RestController
@RequestMapping(ApiPaths.V1 + "/stacks")
class StacksApi {

    private final StackService stacks;
    private final StackActions actions;
    private final StackRevisions revisions;
    private final OperationService operations;

    StacksApi(StackService stacks, StackActions actions, StackRevisions revisions, OperationService operations) {
        this.stacks = stacks;
        this.actions = actions;
        this.revisions = revisions;
        this.operations = operations;
    }

    /** A revision without its text: the files are read with GET /stacks/{name}. */
    record Revision(long id, Instant time, String user, String summary) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "List stacks with their state")
    List<StackSummary> list() {
        return stacks.list();
    }

    @GetMapping("/{name}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "A stack's files, state and containers (the .env masked for non-admins)")
    StackDetail get(@PathVariable String name) {
        return stacks.detail(existing(name));
    }

    @GetMapping("/{name}/revisions")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "A stack's saved revisions, newest first")
    List<Revision> revisions(@PathVariable String name) {
        return revisions.list(existing(name)).stream().map(r -> new Revision(r.id(), r.time(), r.user(), r.summary())).toList();
    }

    @PostMapping
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Create a stack from a compose file (and an optional .env)")
    ResponseEntity<OperationAccepted> create(@RequestBody StackDraft draft) {
        return OperationAccepted.of(actions.create(draft));
    }

    @PutMapping("/{name}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Save a stack's files (a new revision); run up to apply them")
    ResponseEntity<OperationAccepted> save(@PathVariable String name, @RequestBody StackDraft draft) {
        if (!existing(name).equals(draft.name())) {
            throw new InvalidInputException("name", "The body's name must be the stack's: " + name);
        }
        return OperationAccepted.of(actions.save(draft));
    }

    @PostMapping("/{name}/revisions/{revision}/restore")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Put a saved revision's files back")
    ResponseEntity<OperationAccepted> restore(@PathVariable String name, @PathVariable long revision) {
        return OperationAccepted.of(actions.restore(idle(name), revision));
    }

    @DeleteMapping("/{name}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Delete a stack (down, then its folder)")
    ResponseEntity<OperationAccepted> delete(@PathVariable String name) {
        return OperationAccepted.of(actions.delete(idle(name)));
    }

    @PostMapping("/{name}/{verb}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Run a compose verb: up, down, stop, start, restart, pull or recreate",
            description = "down takes removeVolumes=true to remove the stack's volumes too")
    ResponseEntity<OperationAccepted> run(@PathVariable String name, @PathVariable String verb,
            @RequestParam(defaultValue = "false") boolean removeVolumes) {
        StackActions.Verb parsed;
        try {
            parsed = StackActions.Verb.valueOf(verb.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("stack verb " + PathIds.check(verb, "stack verb"));
        }
        String stack = idle(name);
        return OperationAccepted.of(parsed == StackActions.Verb.DOWN ? actions.down(stack, removeVolumes)
                : actions.run(stack, parsed));
    }

    private String existing(String name) {
        if (!PathIds.check(name, "stack").matches(StackDraft.NAME_PATTERN) || !stacks.exists(name)) {
            throw ApiException.notFound("stack " + name);
        }
        return name;
    }

    private String idle(String name) {
        existing(name);
        if (operations.busy(OperationTarget.of(OperationTarget.Kind.STACK, name))) {
            throw ApiException.busy("Stack " + name);
        }
        return name;
    }
}
