package io.miniman.docker.api;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.InvalidInputException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.docker.image.BuildSource;
import io.miniman.docker.image.BuildSpec;
import io.miniman.docker.image.HistoryEntry;
import io.miniman.docker.image.ImageActions;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.ImageSummary;
import io.miniman.docker.image.PreparedContext;
import io.miniman.docker.image.PullSpec;
import io.miniman.docker.image.TagSpec;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/** Images: the reads of the images view and its pull, build, tag, remove and prune, through {@link ImageActions}. */
@RestController
@RequestMapping(ApiPaths.V1 + "/images")
class ImagesApi {

    private final ImageService images;
    private final ImageActions actions;

    ImagesApi(ImageService images, ImageActions actions) {
        this.images = images;
        this.actions = actions;
    }

    record Tag(String reference) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "List images")
    List<ImageSummary> list() {
        return images.list();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The engine's inspect document of an image (by id)")
    String inspect(@PathVariable String id) {
        return images.inspectJson(PathIds.check(id, "image"));
    }

    @GetMapping("/{id}/history")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "An image's layers")
    List<HistoryEntry> history(@PathVariable String id) {
        return images.history(PathIds.check(id, "image"));
    }

    @PostMapping("/pull")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Pull an image", description = "auth is optional: {username, password, serverAddress}; the password never reaches the log")
    ResponseEntity<OperationAccepted> pull(@RequestBody PullSpec spec) {
        return OperationAccepted.of(actions.pull(spec));
    }

    @PostMapping(path = "/build", consumes = {"application/x-tar", "application/gzip", "application/zip",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Build an image from a context archive (tar, tar.gz or zip) sent as the body",
            description = "tag: the new image's name; arg: build arguments as NAME=VALUE (repeatable)")
    ResponseEntity<OperationAccepted> build(@RequestParam String tag, @RequestParam(required = false) List<String> arg,
            HttpServletRequest request) throws java.io.IOException {
        BuildSpec spec = new BuildSpec(tag, buildArgs(arg));
        try (InputStream body = request.getInputStream()) {
            return OperationAccepted.of(actions.build(prepare(new BuildSource.Upload("request body", body)), spec));
        }
    }

    @PostMapping(path = "/build", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Build an image from a Dockerfile sent as the body (no other context)")
    ResponseEntity<OperationAccepted> buildDockerfile(@RequestParam String tag, @RequestParam(required = false) List<String> arg,
            @RequestBody String dockerfile) {
        BuildSpec spec = new BuildSpec(tag, buildArgs(arg));
        return OperationAccepted.of(actions.build(prepare(new BuildSource.Dockerfile(dockerfile)), spec));
    }

    @PostMapping("/{id}/tag")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Give an image another repository:tag")
    ResponseEntity<OperationAccepted> tag(@PathVariable String id, @RequestBody Tag body) {
        return OperationAccepted.of(actions.tag(new TagSpec(PathIds.check(id, "image"), body.reference())));
    }

    @DeleteMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove an image by id, or one of its tags with ?reference=repo:tag", description = "force: also when containers use it")
    ResponseEntity<OperationAccepted> remove(@PathVariable String id, @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "false") boolean force) {
        String image = PathIds.check(id, "image");
        String target = reference == null || reference.isBlank() ? image : reference.trim();
        return OperationAccepted.of(actions.remove(target, target, force));
    }

    @PostMapping("/prune")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove dangling images, or every unused one with ?unused=true")
    ResponseEntity<OperationAccepted> prune(@RequestParam(defaultValue = "false") boolean unused) {
        return OperationAccepted.of(actions.prune(unused));
    }

    private PreparedContext prepare(BuildSource source) {
        try {
            return images.prepare(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("context", e.getMessage());
        }
    }

    private static Map<String, String> buildArgs(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String assignment : args == null ? List.<String>of() : args) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("arg", "A build argument is NAME=VALUE: " + assignment);
            }
            out.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        return out;
    }
}
