#!/bin/bash
# install the new client configuration
cp /opt/newlims/conf/client.yaml /etc/newlims/client.yaml
systemctl restart newlims-client
