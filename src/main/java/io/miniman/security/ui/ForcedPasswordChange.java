package io.miniman.security.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.miniman.security.CurrentUser;
import io.miniman.security.UserService;

/** Until a user with a password set by someone else picks their own, every route leads to the change form. */
@Component
class ForcedPasswordChange implements VaadinServiceInitListener {

    private final UserService users;

    ForcedPasswordChange(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        CurrentUser.name().filter(users::mustChangePassword)
                .ifPresent(name -> event.forwardTo(ChangePasswordView.class));
    }
}
