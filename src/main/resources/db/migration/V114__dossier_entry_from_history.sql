-- Issue #17 (deals that ran before the dossier existed): an entry rebuilt from the engine's history after the fact
-- (dossier.engine.DossierHistoryBackfill) rather than recorded as the task was completed. A task has one entry at
-- most, also when two nodes rebuild at the same start.
alter table dossier_entry add column from_history boolean default false not null;
create unique index dossier_entry_task on dossier_entry (task_id);
