-- Webhook attempts run concurrently: a delivery being attempted is leased to its sender until
-- sending_until, so that no other sender (another thread or replica) takes it meanwhile, and the
-- attempts in flight of one organization or one receiver can be counted and bounded. A sender that
-- dies mid-attempt leaves the lease to expire; the delivery is then due again.
alter table webhook_delivery add column sending_until timestamptz;
create index webhook_delivery_sending_idx on webhook_delivery (sending_until) where status = 'PENDING' and sending_until is not null;
