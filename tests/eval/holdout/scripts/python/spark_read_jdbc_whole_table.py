import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("patients-stats").getOrCreate()
url = "jdbc:postgresql://lims-db.internal:5432/lims?sslmode=require"
props = {"user": os.environ["LIMS_USER"], "password": os.environ["LIMS_PASSWORD"], "driver": "org.postgresql.Driver"}

patients = spark.read.jdbc(url, "patients", properties=props)
patients.groupBy("site").count().show()
