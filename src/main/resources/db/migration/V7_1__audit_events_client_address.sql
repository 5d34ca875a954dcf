-- Where a security event came from: the client's address as Tomcat sees it, which is the X-Forwarded-For
-- address only when the connection comes from a trusted proxy (server.tomcat.remoteip.internal-proxies).
-- Numbered 7.1 so that it cannot clash with a V8 written in parallel.
alter table audit_events add column client_address varchar(45);
