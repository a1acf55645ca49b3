-- expect: none
-- run with: psql -v alice_password="$(vault kv get -field=pw secret/db/alice)" -f ...
CREATE ROLE alice_martin LOGIN PASSWORD :'alice_password';
GRANT reporting_ro TO alice_martin;
