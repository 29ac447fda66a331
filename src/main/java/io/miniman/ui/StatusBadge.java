package io.miniman.ui;

import com.vaadin.flow.component.html.Span;

/** A Lumo badge: {@code StatusBadge.of("running", "success")}. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (theme != null && !theme.isBlank()) {
            for (String part : theme.split(" ")) {
                badge.getElement().getThemeList().add(part);
            }
        }
        return badge;
    }
}
