-- Failed sign-ins per account name, shared by every instance: after too many failures in a window the name
-- is locked until locked_until, whatever password comes next. Keys are what people typed (or a hash of it).
create table login_throttle (
    username varchar(100) not null,
    failures int not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone,
    constraint pk_login_throttle primary key (username)
);
create index ix_login_throttle_window_start on login_throttle (window_start);
