#!/bin/bash
OUT=/backup/mongo/$(date +%F)
mongodump --uri "mongodb://admin:Mongo!Adm1n@mongo-old:27017/lims?authSource=admin" --out "$OUT"
tar czf "$OUT.tgz" "$OUT"
