-- The outcome of a proposal review as typed state (nl.citydeal.engine.deal.ReviewOutcome), no longer parsed from the
-- start of the summary; null for every other kind of decision. Reviews recorded before carry their outcome as the
-- first word of their summary. Plain SQL for H2 and PostgreSQL. Numbered after V100: a database that holds V100
-- already would refuse a lower version as out of order.
alter table deal_decision add column outcome varchar(16);

update deal_decision set outcome = 'APPROVE' where kind = 'PROPOSAL_REVIEWED' and summary like 'APPROVE%';
update deal_decision set outcome = 'SEND_BACK' where kind = 'PROPOSAL_REVIEWED' and summary like 'SEND_BACK%';
update deal_decision set outcome = 'ABANDON' where kind = 'PROPOSAL_REVIEWED' and summary like 'ABANDON%';
