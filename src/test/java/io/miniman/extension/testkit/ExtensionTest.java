package io.miniman.extension.testkit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.time.Duration;

import org.awaitility.Awaitility;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.miniman.extension.ExtensionApi;
import io.miniman.testsupport.KaribuTest;

/**
 * The base of an extension's page tests: the whole console (its one test Spring context, with the
 * extension found on the test class path through its descriptor), Vaadin mocked by Karibu, and
 * {@link #login(String)} to sign in with a role. A test needs no more set-up than:
 *
 * <pre>
 * class HelloViewTest extends ExtensionTest {
 *     &#64;Test void opens() { login(ExtensionUser.VIEWER); HelloView view = open("hello", HelloView.class); ... }
 * }
 * </pre>
 */
public abstract class ExtensionTest extends KaribuTest {

    /** Opens the extension page registered at {@code route} (as declared in its {@code @Route}). */
    protected <T extends Component> T open(String route, Class<T> page) {
        UI.getCurrent().navigate(ExtensionApi.ROUTE_PREFIX + "/" + route);
        return _get(page);
    }

    /**
     * Waits for the page to show an operation as finished: operations run off the UI thread and reach
     * the page by push, which this delivers (what a browser would receive) until {@code shown} holds.
     */
    protected static void awaitOnPage(java.util.function.BooleanSupplier shown) {
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            runUiQueue();
            return shown.getAsBoolean();
        });
    }
}
