-- Resource history. One name per series; one integer per series and time (the metric's unit times its
-- scale, see io.miniman.system.metrics.Metric). tier 0 = every 10 s, 1 = minute averages after 24 h,
-- 2 = hour averages after 7 days; rows older than 90 days are deleted. WITHOUT ROWID and the tier first in
-- the key keep each row about 15 bytes and let downsampling and charts read a key range.
CREATE TABLE metric_series (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    metric  TEXT NOT NULL,
    subject TEXT NOT NULL,
    UNIQUE (metric, subject)
);

CREATE TABLE metric_sample (
    tier      INTEGER NOT NULL,
    series_id INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    value     INTEGER NOT NULL,
    PRIMARY KEY (tier, series_id, at)
) WITHOUT ROWID;
