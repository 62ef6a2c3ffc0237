-- When the nightly retention run removed the case file of a closed deal (its dossier, documents and mails) after
-- citydeal.retention.closed-deals; null while the deal keeps them (docs/operations.md, "Retention").
alter table deal add column records_removed_at timestamp with time zone;
