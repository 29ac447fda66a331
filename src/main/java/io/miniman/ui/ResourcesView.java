package io.miniman.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.security.Roles;
import io.miniman.system.metrics.MetricsHistory;
import jakarta.annotation.security.RolesAllowed;

/**
 * The host's resource history (CPU, memory, load, disk, temperature, traffic), stored and continued live.
 * A page of its own, as Cockpit keeps its metrics apart from the overview: the charts' library is the
 * heaviest download of the console (165 kB gzipped), and the dashboard a phone opens first stays light.
 */
@Route(value = ResourcesView.ROUTE, layout = MainLayout.class)
@PageTitle("Resources · Mini Manager")
@Menu(title = "Resources", order = 35, icon = "vaadin:chart-line")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ResourcesView extends VerticalLayout {

    /** A constant, so that a link to the page does not name its class and bring the charts with it. */
    public static final String ROUTE = "system/resources";

    public ResourcesView(MetricsHistory history) {
        add(new H2("Resources"), new ResourceHistoryCharts(history));
    }
}
