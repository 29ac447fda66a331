package io.miniman.ui;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.spring.SpringServlet;

/**
 * Bounds the threads Atmosphere uses to deliver push. By default its broadcaster runs on a pool that
 * grows with the number of blocked writes: with 20 phones open the console held about 200
 * "Atmosphere-Shared" threads (footprint bench), each with its stack and thread-local buffers, on a box
 * with two cores that cannot run more than two of them at once. Four of each kind keep a slow phone's
 * write from holding up the others; idle ones end after 30 s (Atmosphere lets core threads time out by default).
 * Atmosphere reads these from the Vaadin servlet's init parameters, so they are set on its registration.
 */
@Configuration(proxyBeanMethods = false)
class PushThreads {

    static final Map<String, String> ATMOSPHERE_POOLS = Map.of(
            "org.atmosphere.cpr.broadcaster.maxProcessingThreads", "4",
            "org.atmosphere.cpr.broadcaster.maxAsyncWriteThreads", "4");

    // static: a post-processor must exist before the beans it processes, without this class's other beans
    @Bean
    static BeanPostProcessor boundedPushThreads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    ATMOSPHERE_POOLS.forEach(registration::addInitParameter);
                }
                return bean;
            }
        };
    }
}
