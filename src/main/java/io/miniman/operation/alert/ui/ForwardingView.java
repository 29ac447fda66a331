package io.miniman.operation.alert.ui;

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
import io.miniman.ui.MainLayout;
import io.miniman.ui.StatusBadge;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import com.vaadin.flow.component.html.Div;

/**
 * Forwarding & alerts: where alerts and operations go (with each destination's state, sent and
 * dropped counts), and the rules that raise alerts.
 */
@Route(value = "operations/forwarding", layout = MainLayout.class)
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
        channels.addColumn(ForwardingView::address).setHeader("Address").setFlexGrow(1);
        channels.addColumn(ForwardingView::receives).setHeader("Receives").setAutoWidth(true);
        channels.addColumn(ForwardingView::queue).setHeader("Queue").setAutoWidth(true);
        channels.addComponentColumn(s -> StatusBadge.of(state(s), stateTheme(s))).setHeader("State").setFlexGrow(2);
        PhoneRows.of(channels, "Channel", ChannelState::name).badge(ForwardingView::state, ForwardingView::stateTheme)
                .fact(s -> s.kind() + " " + address(s)).fact(s -> receives(s) + " · " + queue(s)).install();
        channels.addComponentColumn(this::channelMenu).setKey(PhoneRows.ACTIONS).setHeader("").setWidth("4.5rem").setFlexGrow(0);
        channels.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        channels.setAllRowsVisible(true);

        rules.addColumn(RuleSpec::name).setHeader("Rule").setFlexGrow(1);
        rules.addColumn(RuleSpec::describe).setHeader("Alerts on").setFlexGrow(2);
        rules.addColumn(this::channelNames).setHeader("Sends to").setFlexGrow(1);
        rules.addColumn(r -> r.quietMinutes() + " min").setHeader("Quiet").setAutoWidth(true);
        rules.addColumn(r -> r.enabled() ? "on" : "off").setHeader("Enabled").setAutoWidth(true);
        PhoneRows.of(rules, "Rule", RuleSpec::name).badge(r -> r.enabled() ? "on" : "off", r -> r.enabled() ? "success" : "contrast")
                .fact(RuleSpec::describe).fact(r -> "to " + channelNames(r) + " · quiet " + r.quietMinutes() + " min").install();
        rules.addComponentColumn(this::ruleMenu).setKey(PhoneRows.ACTIONS).setHeader("").setWidth("4.5rem").setFlexGrow(0);
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

    private static String state(ChannelState state) {
        if (state.channel() != null && !state.channel().enabled()) {
            return "disabled";
        }
        return state.failing() ? "failing since " + Formats.time(state.failingSince()) + ": " + state.reason() : "ok";
    }

    private static String stateTheme(ChannelState state) {
        return state.channel() != null && !state.channel().enabled() ? "contrast" : state.failing() ? "error" : "success";
    }

    private static String address(ChannelState state) {
        return state.address() == null ? "" : state.address();
    }

    private static String receives(ChannelState state) {
        return state.forwardOperations() ? "all operations" : "alerts";
    }

    private static String queue(ChannelState state) {
        return state.sent() + " sent / " + state.dropped() + " dropped";
    }

    /** Collectors from the environment are read-only: no menu. */
    private Component channelMenu(ChannelState state) {
        ChannelSummary channel = state.channel();
        if (channel == null) {
            return new Div();
        }
        return RowMenu.of(channel.name(), items -> {
            items.addItem("Send test", click -> sendTest(channel));
            items.addItem("Edit", click -> new ChannelDialog(channel, this::saveChannel).open());
            items.addItem("Remove", click -> ConfirmAction.ask("Remove channel " + channel.name() + "?",
                    "Rules stop sending to it.", "Remove", () -> {
                        actions.deleteChannel(channel);
                        refresh();
                    }));
        });
    }

    private Component ruleMenu(RuleSpec rule) {
        return RowMenu.of(rule.name(), items -> {
            items.addItem("Edit", click -> new RuleDialog(rule, config.channels(), this::saveRule).open());
            items.addItem("Remove", click -> ConfirmAction.ask("Remove rule " + rule.name() + "?",
                    "It stops raising alerts.", "Remove", () -> {
                        actions.deleteRule(rule);
                        refresh();
                    }));
        });
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
