#!/bin/bash
# expect: GG-CRED-107 8
# expect: GG-CRED-108 8
# expect: GG-DEL-104 8
# expect: GG-ENC-104 8
# expect: GG-MIN-104 8
OUT=/backup/mongo/$(date +%F)
mongodump --uri "mongodb://admin:Mongo!Adm1n@mongo-old:27017/lims?authSource=admin" --out "$OUT"
tar czf "$OUT.tgz" "$OUT"
