package io.miniman.ui;

import java.util.List;

import com.vaadin.flow.router.RouterLayout;

/**
 * The layouts the console's pages are shown in, for code that puts pages into the shell without naming
 * its class: Vaadin's bundler starts from every service init listener, and a layout one of them named
 * would bring the shell's components (app layout, side nav, menu bar, avatar) into the sign-in page's
 * bundle. The bean comes from {@link ShellConfiguration}.
 */
public record Shell(List<Class<? extends RouterLayout>> layouts) {
}
