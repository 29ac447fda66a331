package io.miniman.docker.image.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.miniman.docker.image.PullProgress;

/** One progress bar per layer, moved as the engine reports each layer's bytes. */
public class PullProgressPanel extends Div {

    private final Map<String, Layer> layers = new LinkedHashMap<>();

    public PullProgressPanel() {
        setWidthFull();
    }

    /** Call inside ui.access. */
    public void update(PullProgress progress) {
        Layer layer = layers.computeIfAbsent(progress.layer(), id -> {
            Layer created = new Layer(id);
            add(created.row);
            return created;
        });
        layer.status.setText(progress.layer() + " · " + progress.status());
        layer.bar.setIndeterminate(progress.total() <= 0 && progress.fraction() < 1);
        layer.bar.setValue(progress.fraction());
    }

    public int layerCount() {
        return layers.size();
    }

    private static final class Layer {
        final Div row = new Div();
        final Span status = new Span();
        final ProgressBar bar = new ProgressBar(0, 1);

        Layer(String id) {
            status.getStyle().set("font-size", "var(--lumo-font-size-s)");
            row.add(status, bar);
        }
    }
}
