-- Failed sign-ins per client address (an IPv6 address by its /64 network), shared by every instance: after too
-- many failures in a window every sign-in from the address is refused until locked_until, whatever the name.
create table login_throttle_address (
    address varchar(100) not null,
    failures int not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone,
    constraint pk_login_throttle_address primary key (address)
);
create index ix_login_throttle_address_window_start on login_throttle_address (window_start);
