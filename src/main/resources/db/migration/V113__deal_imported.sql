-- Whether a deal was registered as a running deal (its term had started), fixed at registration. Before, it was
-- derived from the dates, which also called a deal imported that went through its preparation in the app and recorded
-- a signing date before its registration day: those have a SIGNED decision and are not imported.
alter table deal add column imported boolean default false not null;
update deal set imported = true
 where signed_on is not null
   and signed_on < cast(registered_at as date)
   and not exists (select 1 from deal_decision d where d.deal_id = deal.id and d.kind = 'SIGNED');
