-- A person an administrator added, or whose password an administrator reset, signs in with a password somebody
-- else knows: they must choose their own before they use anything else (cleared when they change it).
alter table people add column must_change_password boolean not null default false;

-- Why a history row happened, where that is not the actor's own choice: HELPER_LEFT for a claim released because
-- the person who held it was deactivated. Null for every ordinary transition.
alter table request_events add column reason varchar(20);
