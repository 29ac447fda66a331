package io.miniman.operation.alert.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.operation.alert.AlertActions;
import io.miniman.operation.alert.AlertConfig;
import io.miniman.operation.alert.ChannelDraft;
import io.miniman.operation.alert.ChannelState;
import io.miniman.operation.alert.ChannelSummary;
import io.miniman.operation.alert.ChannelTest;
import io.miniman.operation.alert.RuleSpec;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.StatusBadge;

/**
 * Forwarding & alerts: where alerts and operations go (with each destination's state, sent and
 * dropped counts), and the rules that raise alerts.
 */
@Route("operations/forwarding")
@PageTitle("Forwarding & alerts · Mini Manager")
@Menu(title = "Forwarding & alerts", order = 61, icon = "vaadin:bell")
@RolesAllowed(Roles.ADMIN)
public class ForwardingView extends VerticalLayout {

    private final AlertConfig config;
    private final AlertActions actions;
    final Grid<ChannelState> channels = new Grid<>();
    final Grid<RuleSpec> rules = new Grid<>();
    final Button addChannel = new Button("Add channel", VaadinIcon.PLUS.create());
    final Button addRule = new Button("Add rule", VaadinIcon.PLUS.create());
    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());

    public ForwardingView(AlertConfig config, AlertActions actions) {
        this.config = config;
        this.actions = actions;
        addChannel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addChannel.addClickListener(click -> new ChannelDialog(null, this::saveChannel).open());
        addRule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addRule.addClickListener(click -> new RuleDialog(null, config.channels(), this::saveRule).open());
        refresh.addClickListener(click -> refresh());

        channels.addColumn(ChannelState::name).setHeader("Channel").setFlexGrow(1);
        channels.addColumn(ChannelState::kind).setHeader("Kind").setAutoWidth(true);
        channels.addColumn(s -> s.address() == null ? "" : s.address()).setHeader("Address").setFlexGrow(1);
        channels.addColumn(s -> s.forwardOperations() ? "all operations" : "alerts").setHeader("Receives").setAutoWidth(true);
        channels.addColumn(s -> s.sent() + " sent / " + s.dropped() + " dropped").setHeader("Queue").setAutoWidth(true);
        channels.addComponentColumn(ForwardingView::stateBadge).setHeader("State").setFlexGrow(2);
        channels.addComponentColumn(this::channelActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        channels.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        channels.setAllRowsVisible(true);

        rules.addColumn(RuleSpec::name).setHeader("Rule").setFlexGrow(1);
        rules.addColumn(RuleSpec::describe).setHeader("Alerts on").setFlexGrow(2);
        rules.addColumn(this::channelNames).setHeader("Sends to").setFlexGrow(1);
        rules.addColumn(r -> r.quietMinutes() + " min").setHeader("Quiet").setAutoWidth(true);
        rules.addColumn(r -> r.enabled() ? "on" : "off").setHeader("Enabled").setAutoWidth(true);
        rules.addComponentColumn(this::ruleActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        rules.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rules.setAllRowsVisible(true);

        Paragraph help = new Paragraph("Collectors from the environment (MINIMAN_FORWARD_*) are listed read-only. "
                + "A destination that is down keeps the newest events in a bounded queue and drops the oldest.");
        add(new H2("Forwarding & alerts"), new FlexLayout(addChannel, refresh), new H3("Channels"), help, channels,
                new H3("Rules"), addRule, rules);
        refresh();
    }

    void refresh() {
        channels.setItems(config.states());
        rules.setItems(config.rules());
    }

    private static Component stateBadge(ChannelState state) {
        if (state.channel() != null && !state.channel().enabled()) {
            return StatusBadge.of("disabled", "contrast");
        }
        return state.failing()
                ? StatusBadge.of("failing since " + Formats.time(state.failingSince()) + ": " + state.reason(), "error")
                : StatusBadge.of("ok", "success");
    }

    private Component channelActions(ChannelState state) {
        ChannelSummary channel = state.channel();
        if (channel == null) {
            return new HorizontalLayout();
        }
        Button test = new Button("Send test", click -> sendTest(channel));
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> new ChannelDialog(channel, this::saveChannel).open());
        edit.getElement().setAttribute("aria-label", "Edit " + channel.name());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> ConfirmAction.ask("Remove channel " + channel.name() + "?",
                "Rules stop sending to it.", "Remove", () -> {
                    actions.deleteChannel(channel);
                    refresh();
                }));
        remove.getElement().setAttribute("aria-label", "Remove " + channel.name());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(test, edit, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(test, edit, remove);
    }

    private Component ruleActions(RuleSpec rule) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> new RuleDialog(rule, config.channels(), this::saveRule).open());
        edit.getElement().setAttribute("aria-label", "Edit " + rule.name());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> ConfirmAction.ask("Remove rule " + rule.name() + "?",
                "It stops raising alerts.", "Remove", () -> {
                    actions.deleteRule(rule);
                    refresh();
                }));
        remove.getElement().setAttribute("aria-label", "Remove " + rule.name());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(edit, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, remove);
    }

    void sendTest(ChannelSummary channel) {
        ChannelTest result = actions.sendTest(channel);
        Notification note = Notification.show(result.ok() ? result.message() : "Test failed: " + result.message(), 8000,
                Notification.Position.BOTTOM_STRETCH);
        note.addThemeVariants(result.ok() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        refresh();
    }

    private void saveChannel(ChannelDraft draft) {
        actions.saveChannel(draft);
        refresh();
    }

    private void saveRule(RuleSpec spec) {
        actions.saveRule(spec);
        refresh();
    }

    private String channelNames(RuleSpec rule) {
        Map<Long, String> names = config.channels().stream().collect(Collectors.toMap(ChannelSummary::id, ChannelSummary::name));
        return rule.channelIds().stream().map(id -> names.getOrDefault(id, "?")).sorted().collect(Collectors.joining(", "));
    }
}
