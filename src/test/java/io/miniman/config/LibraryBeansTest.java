package io.miniman.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class LibraryBeansTest {

    @Test
    void theFrameworksAreLibrariesAndTheConsoleAndAnExtensionAreNot() {
        assertThat(LibraryBeans.EXCLUDED.matches(BCryptPasswordEncoder.class)).isFalse();
        assertThat(LibraryBeans.EXCLUDED.matches(com.vaadin.flow.spring.SpringInstantiator.class)).isFalse();
        assertThat(LibraryBeans.EXCLUDED.matches(LibraryBeans.class)).isTrue();
        // the example extension's package, and one that only starts like a library's
        assertThat(LibraryBeans.isLibrarys("org.example.hello.Greetings")).isFalse();
        assertThat(LibraryBeans.isLibrarys("org.springframeworkish.Thing")).isFalse();
        assertThat(LibraryBeans.isLibrarys("org.hibernate.SessionFactory")).isTrue();
    }
}
