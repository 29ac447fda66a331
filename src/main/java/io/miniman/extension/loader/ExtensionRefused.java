package io.miniman.extension.loader;

/** Why an extension (or one of its pages) is not loaded: said on the Extensions page and in the log. */
class ExtensionRefused extends RuntimeException {

    ExtensionRefused(String reason) {
        super(reason);
    }
}
