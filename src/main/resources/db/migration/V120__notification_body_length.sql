-- A weekly digest of a large portfolio (hundreds of open and overdue prompts) is longer than the 60,000 characters
-- the body had room for: the insert failed and the digest did not go. Room for a million characters (H2 and
-- PostgreSQL both take SET DATA TYPE; widening a varchar rewrites nothing on PostgreSQL).
alter table notification alter column body set data type varchar(1000000);
