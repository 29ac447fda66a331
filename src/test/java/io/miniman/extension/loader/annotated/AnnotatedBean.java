package io.miniman.extension.loader.annotated;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** An extension's bean as its author may write it: every injection style and both lifecycle callbacks. */
public class AnnotatedBean {

    public final Clock clock;
    @Autowired
    public Clock field;
    @Value("${hello.greeting:hi}")
    public String greeting;
    public final List<String> lifecycle = new ArrayList<>();

    public AnnotatedBean(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void started() {
        lifecycle.add("started");
    }

    @PreDestroy
    void stopped() {
        lifecycle.add("stopped");
    }
}
