package io.miniman.network.render;

final class RenderHeader {

    static final String LINE = "# Written by Mini Manager from its settings; edits here are replaced on the next apply.\n";

    private RenderHeader() {
    }
}
