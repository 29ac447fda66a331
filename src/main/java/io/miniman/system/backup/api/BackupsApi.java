package io.miniman.system.backup.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.security.Roles;
import io.miniman.system.backup.BackupActions;
import io.miniman.system.backup.BackupRefusedException;
import io.miniman.system.backup.BackupSchedule;
import io.miniman.system.backup.BackupService;
import io.miniman.system.backup.RestorePlan;
import io.miniman.system.backup.StagedUpload;
import io.miniman.system.backup.StoredBackup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Backup page for scripts, admins only (an archive holds the WiFi passphrase and password hashes),
 * through {@link BackupActions}. A restore is two calls, as on the page: upload (or pick a kept archive)
 * and read the plan, then restore that upload with the plan's questions answered; an archive that fails
 * a check is refused with 422 and nothing changes.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/backups")
class BackupsApi {

    private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private final BackupActions actions;
    private final BackupService backups;

    BackupsApi(BackupActions actions, BackupService backups) {
        this.actions = actions;
        this.backups = backups;
    }

    /** The answers to a plan's questions (each choice's key and one of its options). */
    record RestoreRequest(Map<String, String> answers) {
    }

    @GetMapping
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "The archives kept on the box, newest first")
    List<StoredBackup> list() {
        return backups.list();
    }

    @PostMapping
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Back up now into the box's backup folder",
            description = "withUsers=false leaves the user accounts (password hashes) out")
    ResponseEntity<OperationAccepted> backUpNow(@RequestParam(defaultValue = "true") boolean withUsers) {
        return OperationAccepted.of(actions.backUpNow(withUsers));
    }

    @GetMapping(path = "/export", produces = "application/gzip")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Download a backup of the current state (logged as an operation)",
            description = "withUsers=false leaves the user accounts (password hashes) out")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "true") boolean withUsers) throws IOException {
        // tens of kB, made in memory so a failure is a problem document, not a cut file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        actions.download(out, withUsers);
        return ResponseEntity.ok().contentType(GZIP).header(HttpHeaders.CONTENT_DISPOSITION, attachment(actions.downloadName()))
                .body(out.toByteArray());
    }

    @GetMapping(path = "/{name}", produces = "application/gzip")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Download a kept archive")
    ResponseEntity<InputStreamResource> download(@PathVariable String name) throws IOException {
        StoredBackup backup = kept(name);
        InputStream in = actions.open(backup.name());
        return ResponseEntity.ok().contentType(GZIP).contentLength(backup.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(backup.name())).body(new InputStreamResource(in));
    }

    @DeleteMapping("/{name}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Delete a kept archive")
    ResponseEntity<Void> delete(@PathVariable String name) {
        actions.delete(kept(name).name());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/schedule")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "The daily backup: on or off, how many are kept, with the user accounts or not")
    BackupSchedule schedule() {
        return actions.schedule();
    }

    @PutMapping("/schedule")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Change the daily backup (keep: 1 to 90)")
    BackupSchedule saveSchedule(@RequestBody BackupSchedule schedule) {
        actions.saveSchedule(schedule);
        return actions.schedule();
    }

    @PostMapping(path = "/restore", consumes = {"application/gzip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Upload a backup (the archive is the request body) and read what restoring it would change; "
            + "changes nothing",
            description = "curl --data-binary @box.tar.gz -H 'Content-Type: application/gzip'. The answer's upload.id "
                    + "names the upload for POST /backups/restore/{id}; an archive that fails a check answers 422. "
                    + "Larger than miniman.backup.archive-limit: 413. Uploads not restored are deleted after an hour.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/gzip",
            schema = @Schema(type = "string", format = "binary")))
    RestorePlan upload(HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition) {
        // the body streams into the staging folder as it arrives: no multipart parsing, so no servlet-wide
        // multipart limit that Vaadin's own uploads (images, console updates) would inherit
        return plan(() -> {
            try (InputStream in = request.getInputStream()) {
                return actions.stage(in, fileName(disposition));
            } catch (IOException e) {
                throw new BackupRefusedException("The upload broke off: " + e.getMessage(), e);
            }
        });
    }

    /** The name the caller gave the archive (curl -H 'Content-Disposition: attachment; filename=...'), if any. */
    private static String fileName(String disposition) {
        try {
            return disposition == null ? null : ContentDisposition.parse(disposition).getFilename();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/{name}/restore-preview")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Read what restoring a kept archive would change; changes nothing",
            description = "The answer's upload.id names the copy to restore with POST /backups/restore/{id}")
    RestorePlan previewKept(@PathVariable String name) {
        String kept = kept(name).name();
        return plan(() -> actions.stageStored(kept));
    }

    @PostMapping("/restore/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Restore an upload whose plan was read, with the plan's questions answered",
            description = "The current state is backed up first; a part that fails puts the parts already restored "
                    + "back. Restored network settings wait for confirmation like any network change "
                    + "(GET /api/v1/network/change). 409 while another restore runs.")
    ResponseEntity<OperationAccepted> restore(@PathVariable String id, @RequestBody RestoreRequest request,
            HttpServletRequest http) {
        StagedUpload upload = new StagedUpload(PathIds.check(id, "upload"), id, 0);
        try {
            return OperationAccepted.of(actions.restore(upload, request.answers() == null ? Map.of() : request.answers(),
                    http.getRemoteAddr()));
        } catch (BackupRefusedException | IllegalArgumentException | UncheckedIOException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @DeleteMapping("/restore/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Discard an upload that will not be restored")
    ResponseEntity<Void> discard(@PathVariable String id) {
        try {
            actions.discard(new StagedUpload(PathIds.check(id, "upload"), id, 0));
        } catch (BackupRefusedException e) {
            throw ApiException.notFound("upload " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Stages and checks; any refusal is 422 with the reason, and the staged copy is gone again. */
    private RestorePlan plan(Supplier<StagedUpload> staging) {
        try {
            return actions.inspect(staging.get());
        } catch (BackupRefusedException | IllegalArgumentException | UncheckedIOException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Refused, nothing changed: " + e.getMessage());
        }
    }

    private StoredBackup kept(String name) {
        PathIds.check(name, "backup");
        return backups.list().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("backup " + name));
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
