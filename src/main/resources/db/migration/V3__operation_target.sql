-- Targets are typed (kind + stable id) so one-at-a-time holds across renames; "target" keeps the label people read.
ALTER TABLE operation_log ADD COLUMN target_kind VARCHAR(24);
ALTER TABLE operation_log ADD COLUMN target_id VARCHAR(128);
CREATE INDEX idx_operation_log_target ON operation_log (target_kind, target_id, start_time DESC);
