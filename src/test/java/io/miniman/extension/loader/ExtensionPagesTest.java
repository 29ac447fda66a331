package io.miniman.extension.loader;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.example.fixture.FixtureBeans;
import com.example.fixture.FixturePage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;

import io.miniman.extension.loader.ui.ExtensionFailedView;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import io.miniman.ui.MainLayout;

/**
 * The test suite's own extension (src/test/resources/META-INF/miniman-extension.properties, package
 * com.example.fixture) is loaded like a jar from the extensions folder would be.
 */
class ExtensionPagesTest extends KaribuTest {

    @Autowired
    Extensions extensions;
    @Autowired
    ApplicationContext context;

    @Test
    void anExtensionPageOpensUnderExtensionsInsideTheConsolesLayoutWithItsOwnBean() {
        login(Roles.OPERATOR);

        UI.getCurrent().navigate("extensions/fixture");

        assertThat(currentView()).isInstanceOf(FixturePage.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).last().isInstanceOf(MainLayout.class);
        assertThat(_get(Span.class, spec -> spec.withId("fixture-count")).getText()).startsWith("count ");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).contains("Extensions", "Fixture");
    }

    @Test
    void aViewerSeesNeitherThePageNorItsMenuEntry() {
        login(Roles.VIEWER);

        UI.getCurrent().navigate("");

        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).doesNotContain("Fixture");
        assertThat(RouteConfiguration.forApplicationScope().getRoute("extensions/fixture")).contains(FixturePage.class);
    }

    @Test
    void aPageWithoutRolesAndASecondClaimOnARouteAreSkippedWithTheReason() {
        assertThat(RouteConfiguration.forApplicationScope().getRoute("extensions/undeclared")).isEmpty();
        assertThat(extensions.problems()).extracting(ExtensionProblem::reason).contains(
                "the page declares no @RolesAllowed; a page without roles is denied to everyone",
                "its route /extensions/fixture is taken by com.example.fixture.FixturePage");
        assertThat(extensions.loaded()).singleElement().satisfies(loaded -> {
            assertThat(loaded.descriptor().name()).isEqualTo("fixture");
            assertThat(loaded.routes()).containsExactlyInAnyOrder("extensions/fixture", "extensions/throwing");
        });
    }

    @Test
    void aBeanDeclaringBeansIsRefusedWithTheReasonAndDeclaresNothing() {
        assertThat(extensions.problems()).extracting(ExtensionProblem::source, ExtensionProblem::reason).contains(
                tuple(FixtureBeans.class.getName(), "it declares @Bean methods, which the console"
                        + " does not read: make each bean a @Component class of its own"));
        assertThat(context.containsBean("fixtureGreeting")).isFalse();
        assertThat(context.getBeanNamesForType(FixtureBeans.class)).isEmpty();
    }

    @Test
    void aPageThatThrowsInItsConstructorSendsTheUserToAPageNamingTheExtensionAndTheReason() {
        login(Roles.VIEWER);

        UI.getCurrent().navigate("extensions/throwing");

        assertThat(currentView()).isInstanceOf(ExtensionFailedView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("The extension fixture failed");
        assertThat(extensions.problems()).extracting(ExtensionProblem::reason)
                .contains("the page failed to open: java.lang.IllegalStateException: sensor bus not found");
    }
}
