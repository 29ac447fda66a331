package io.miniman.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.spring.SpringServlet;

import io.miniman.testsupport.MinimanSpringTest;

@MinimanSpringTest
class PushThreadsTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void theVaadinServletTellsAtmosphereToBoundItsPools() {
        ServletRegistration vaadin = servletContext.getServletRegistrations().values().stream()
                .filter(r -> SpringServlet.class.getName().equals(r.getClassName()))
                .findFirst().orElseThrow();

        assertThat(vaadin.getInitParameters()).containsAllEntriesOf(PushThreads.ATMOSPHERE_POOLS);
    }
}
