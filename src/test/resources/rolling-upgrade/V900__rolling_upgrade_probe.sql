-- RollingUpgradeIT: the migration of the "new build", additive as every migration must be (docs/operations.md,
-- "Rolling upgrade"): a new nullable column and a new table, which the old build neither knows nor needs.
alter table deal add column upgrade_probe varchar(200);

create table rolling_upgrade_probe (
    id   bigint primary key,
    note varchar(200)
);
