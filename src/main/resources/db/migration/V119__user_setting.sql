-- Issue #19 point 6 (Mijn instellingen: meldingen). Plain SQL for H2 and PostgreSQL.
-- A user's choices about the mails they get, one row per user; a null choice means "the default", which the code
-- holds (the weekly digest: on for the programme office, off for others; the reminder lead time:
-- citydeal.reminders.lead-time; reminder mails: on). The lead time is an ISO-8601 period (P7D). Prompt mails
-- themselves always go and have no setting.
create table user_setting (
    user_id            varchar(64) primary key,
    weekly_digest      boolean,
    reminder_lead_time varchar(16),
    reminder_mail      boolean,
    changed_by         varchar(64) not null,
    changed_at         timestamp with time zone not null
);
