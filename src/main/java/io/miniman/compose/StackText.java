package io.miniman.compose;

/** The two files of a stack as text: compose.yaml and the .env beside it ("" when there is none). */
public record StackText(String compose, String env) {

    public StackText {
        compose = compose == null ? "" : compose;
        env = env == null ? "" : env;
    }
}
