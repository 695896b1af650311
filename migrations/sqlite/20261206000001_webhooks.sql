-- Partner webhooks: endpoints a partner client registered, with the event types it wants and
-- the secret its deliveries are signed with (Standard Webhooks). The secret has to be kept as
-- it is to sign with; it is shown to the partner once, at registration. Deliveries are outbox
-- rows of channel 'webhook' that name their endpoint, and keep the endpoint's last answer.
CREATE TABLE webhook_endpoints (
    id          BLOB PRIMARY KEY NOT NULL,
    client_id   BLOB NOT NULL REFERENCES partner_clients (id),
    url         TEXT NOT NULL,
    events      TEXT NOT NULL,
    description TEXT,
    secret      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX webhook_endpoints_client ON webhook_endpoints (client_id) WHERE deleted_at IS NULL;

ALTER TABLE outbox ADD COLUMN endpoint_id BLOB REFERENCES webhook_endpoints (id);
ALTER TABLE outbox ADD COLUMN response_status INTEGER;
ALTER TABLE outbox ADD COLUMN response_body TEXT;
CREATE INDEX outbox_endpoint ON outbox (endpoint_id, id) WHERE endpoint_id IS NOT NULL;
