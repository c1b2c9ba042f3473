-- Private webhook receivers are the operator's decision (attune.webhooks.private-receivers): a
-- private address is one of the network the service runs in, which every organization shares.
alter table organization_settings drop column allow_private_webhook_receivers;
