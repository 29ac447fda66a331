package io.miniman.docker.image.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.container.SpecText;
import io.miniman.docker.image.BuildSource;
import io.miniman.docker.image.BuildSpec;
import io.miniman.docker.image.ImageActions;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.PreparedContext;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.ViewerLine;
import jakarta.validation.ConstraintViolationException;

/**
 * Build from an uploaded context (tar, tar.gz or zip) or a typed Dockerfile, with build arguments and a
 * tag; the engine's log streams in live. The upload is checked (an archive, under the limit) while it
 * arrives, so a bad file is refused before a build starts.
 */
class BuildDialog extends Dialog {

    private final ImageService images;
    private final ImageActions actions;
    private final Runnable afterBuild;
    final TextField tag = new TextField("Tag");
    final TextArea args = new TextArea("Build arguments (KEY=value a line)");
    final TextArea dockerfile = new TextArea("Dockerfile");
    final Upload upload;
    final Div uploaded = new Div();
    final TabSheet source = new TabSheet();
    final LogViewer log = new LogViewer();
    final Div result = new Div();
    final Button start = new Button("Build");
    private final FieldErrors errors = new FieldErrors();
    private volatile PreparedContext context;

    BuildDialog(ImageService images, ImageActions actions, Runnable afterBuild) {
        this.images = images;
        this.actions = actions;
        this.afterBuild = afterBuild;
        setHeaderTitle("Build an image");
        setWidth("min(48rem, 96vw)");
        tag.setPlaceholder("e.g. tools:1");
        tag.setWidthFull();
        errors.bind("tag", tag).bind("buildArgs", args).bind("buildArgs<K>", args);
        args.setWidthFull();
        dockerfile.setWidthFull();
        dockerfile.setMinHeight("10rem");
        dockerfile.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");

        upload = new Upload(event -> {
            PreparedContext previous = context;
            try {
                context = images.prepare(new BuildSource.Upload(event.getFileName(), event.getInputStream()));
                event.getUI().access(() -> uploaded.setText("Ready: " + event.getFileName()));
            } catch (IllegalArgumentException | DockerFailure e) {
                context = null;
                event.getUI().access(() -> uploaded.setText(e.getMessage()));
            }
            if (previous != null) {
                previous.close();
            }
        });
        upload.setAcceptedFileTypes(".tar", ".tgz", ".tar.gz", ".zip", "application/x-tar", "application/gzip", "application/zip");
        upload.setMaxFiles(1);
        Div uploadTab = new Div(upload, uploaded);
        source.add("Dockerfile", dockerfile);
        source.add("Upload context", uploadTab);
        source.setWidthFull();

        log.setHeight("18rem");
        add(tag, args, source, result, log);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> build());
        getFooter().add(new Button("Close", click -> close()), start);
        addDetachListener(e -> {
            PreparedContext unused = context;
            if (unused != null && start.isEnabled()) {
                unused.close();
            }
        });
    }

    void build() {
        UI ui = UI.getCurrent();
        errors.clear();
        PreparedContext staged;
        try {
            if (source.getSelectedIndex() == 0) {
                staged = images.prepare(new BuildSource.Dockerfile(dockerfile.getValue()));
            } else {
                staged = context;
                if (staged == null) {
                    result.setText("Upload a tar, tar.gz or zip first");
                    return;
                }
                context = null;
            }
            log.clear();
            OperationHandle handle;
            try {
                handle = actions.build(staged, new BuildSpec(tag.getValue(), SpecText.keyValues(args.getValue(), "Build argument")));
            } catch (RuntimeException refused) {
                if (refused instanceof ConstraintViolationException && source.getSelectedIndex() == 1) {
                    context = staged; // the upload stays for the corrected form
                } else {
                    staged.close();
                }
                throw refused;
            }
            UiUpdates.closeOnDetach(this, actions.followBuild(handle.id(), line -> log.append(ViewerLine.out(line))));
            handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
                start.setEnabled(true);
                result.setText(update.status() == OperationStatus.COMPLETED ? update.result() : update.errorMessage());
                afterBuild.run();
            }));
            start.setEnabled(false);
            result.setText("Building…");
        } catch (ConstraintViolationException e) {
            result.setText(String.join("\n", errors.show(e)));
        } catch (IllegalArgumentException | DockerFailure e) {
            start.setEnabled(true);
            result.setText(e.getMessage());
        }
    }
}
