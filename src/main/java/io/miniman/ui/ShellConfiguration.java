package io.miniman.ui;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    Shell shell() {
        return new Shell(List.of(MainLayout.class));
    }
}
