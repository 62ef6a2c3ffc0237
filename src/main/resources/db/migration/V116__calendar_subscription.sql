-- Issue #19 point 5 (calendar subscriptions). Plain SQL for H2 and PostgreSQL.
-- A user's secret subscription address for their calendar feed (/calendar/{token}.ics), one per user: only the
-- SHA-256 hash of the token is kept (hex), so the address cannot be read back from the database.
create table calendar_subscription (
    user_id    varchar(64) primary key,
    token_hash varchar(64) not null unique,
    created_at timestamp with time zone not null
);
