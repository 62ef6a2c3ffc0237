-- Issue #16 (ways out, joint decisions, route advice). Plain SQL for H2 and PostgreSQL.
-- A joint decision (scaling decision, early end) keeps who proposed it and when beside who confirmed it (decided_by,
-- decided_at); decisions taken alone leave both null.
alter table deal_decision add column proposed_by varchar(64);
alter table deal_decision add column proposed_at timestamp with time zone;

-- A deal abandoned before it got going: where (PREPARATION or SIGNING) and why. A closed deal that was abandoned ends
-- in phase ABANDONED. Deals abandoned at the proposal review before this version closed as CLOSED and keep that phase.
alter table deal add column abandoned_in varchar(32);
alter table deal add column abandon_reason varchar(4000);

-- What the route advice table advised at the deal's (last) scaling decision, in the table's order.
create table deal_advised_route (
    deal_id  varchar(36)   not null references deal (id),
    position integer       not null,
    route    varchar(32)   not null,
    reason   varchar(4000),
    primary key (deal_id, position)
);
