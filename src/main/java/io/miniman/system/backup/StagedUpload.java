package io.miniman.system.backup;

/** An archive waiting under {@code <backup dir>/incoming} to be checked and restored; {@code id} is its file name there. */
public record StagedUpload(String id, String fileName, long size) {
}
