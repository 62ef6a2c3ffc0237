-- Issue #17 point 4 (the people of a deal). Plain SQL for H2 and PostgreSQL.
-- Deputies (co-leads): users of the deal-leads group who see and work the deal like its lead.
create table deal_deputy (
    deal_id varchar(36) not null references deal (id),
    user_id varchar(64) not null,
    primary key (deal_id, user_id)
);
create index deal_deputy_user on deal_deputy (user_id);

-- The administrative leads (bestuurders) the answerability reviews are held with, in their order.
create table deal_administrative_lead (
    deal_id      varchar(36)  not null references deal (id),
    position     integer      not null,
    name         varchar(200) not null,
    organisation varchar(200),
    email        varchar(254),
    primary key (deal_id, position)
);

-- A contact person per participant.
alter table participant add column contact_name varchar(200);
alter table participant add column contact_role varchar(200);
alter table participant add column contact_email varchar(254);
