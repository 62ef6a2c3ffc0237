-- When the deal's earliest open (planned or due) prompt falls due, kept by the prompt feature whenever a prompt changes
-- (nl.citydeal.engine.prompt.Prompts): the deal list filters "overdue" and orders by "next prompt" on the deal alone.
-- Numbered after V100 so databases that already have V100 take it in order.
alter table deal add column next_prompt_due_at timestamp with time zone;
update deal set next_prompt_due_at = (
    select min(p.due_at) from prompt p where p.deal_id = deal.id and p.status in ('PLANNED', 'DUE'));
create index deal_next_prompt on deal (next_prompt_due_at);
