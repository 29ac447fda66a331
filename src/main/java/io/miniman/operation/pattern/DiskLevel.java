package io.miniman.operation.pattern;

/**
 * How full the data disk is now, in percent: read by the disk rule when a pull or build starts. The
 * system feature provides it, so the operation log does not depend on the host's figures.
 */
public interface DiskLevel {
    double usedPercent();
}
