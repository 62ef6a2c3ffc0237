-- Issue #18 point 5: every deal gets a readable reference, CD-<year>-<nnn> (CD-2026-001, ..., CD-2026-999, then
-- CD-2026-1000), the year it was registered in (Dutch time) and a number per year; the business key of its process
-- instance. Never reused: deal_reference_counter holds the last number given out per year, and a registration takes
-- the next one under that row's lock (deal.DealReferences). The row of year 0 is no year: a registration in a year
-- without a row yet locks it first, so that two nodes never both create the year's row.
alter table deal add column reference varchar(20);

-- The deals registered before get their references in registration order (registered_at, then id).
update deal set reference = (
    select r.reference from (
        select id,
               'CD-' || cast(extract(year from registered_at at time zone 'Europe/Amsterdam') as integer) || '-'
               || case when n < 1000 then lpad(cast(n as varchar(10)), 3, '0') else cast(n as varchar(10)) end
                   as reference
        from (
            select id, registered_at,
                   row_number() over (
                       partition by extract(year from registered_at at time zone 'Europe/Amsterdam')
                       order by registered_at, id) as n
            from deal
        ) numbered
    ) r
    where r.id = deal.id);

alter table deal alter column reference set not null;
create unique index deal_reference on deal (reference);

create table deal_reference_counter (
    reference_year integer primary key,
    last_number    integer not null
);
insert into deal_reference_counter (reference_year, last_number) values (0, 0);
insert into deal_reference_counter (reference_year, last_number)
    select cast(extract(year from registered_at at time zone 'Europe/Amsterdam') as integer), count(*)
    from deal
    group by cast(extract(year from registered_at at time zone 'Europe/Amsterdam') as integer);
