from pymongo import MongoClient

client = MongoClient("mongodb://crm_etl:Mongo2023pw@mongo-1.internal:27017/crm?authSource=admin&tls=true")
db = client["crm"]
print(db.customers.count_documents({"active": True}))
