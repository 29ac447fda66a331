package io.miniman.security.ui;

import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import io.miniman.security.CurrentUser;
import io.miniman.security.LoginThrottledException;

@Route("login")
@PageTitle("Sign in · Mini Manager")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRONG_CREDENTIALS = "Incorrect user name or password.";

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Mini Manager"), login,
                new Paragraph("First sign-in: user admin, with the password from MINIMAN_ADMIN_PASSWORD or the file "
                        + "initial-admin-password in the data directory."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.name().isPresent()) {
            event.forwardTo("");
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Object cause = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            login.setI18n(errorText(cause));
            login.setError(true);
        }
    }

    private static LoginI18n errorText(Object cause) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        if (cause instanceof LoginThrottledException locked) {
            error.setTitle("Sign-in temporarily locked");
            error.setMessage(locked.getMessage());
        } else {
            error.setTitle("Sign-in failed");
            error.setMessage(WRONG_CREDENTIALS);
        }
        i18n.setErrorMessage(error);
        return i18n;
    }
}
