package org.example.hello;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.miniman.extension.ExtensionUser;
import io.miniman.extension.testkit.ExtensionTest;

class HelloViewTest extends ExtensionTest {

    @Test
    void anOperatorSaysHelloAndSeesTheOperationEndWithTheGreeting() {
        login("olivia", ExtensionUser.OPERATOR);
        HelloView view = open("hello", HelloView.class);

        _click(view.greet);

        awaitOnPage(() -> view.outcome.getText().startsWith("Hello olivia from "));
        assertThat(view.greet.isEnabled()).isTrue();
    }

    @Test
    void aViewerSeesTheFiguresButNoButton() {
        login(ExtensionUser.VIEWER);
        HelloView view = open("hello", HelloView.class);

        assertThat(view.greet.isVisible()).isFalse();
        assertThat(view.cpu.getText()).startsWith("CPU");
    }
}
