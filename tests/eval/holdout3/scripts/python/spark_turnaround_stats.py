"""Spark job: turnaround statistics per site from the LIMS replica."""
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("tat-stats").getOrCreate()
url = "jdbc:postgresql://lims-replica.internal:5432/lims?sslmode=verify-full"
props = {"user": "spark_stats", "password": os.environ["LIMS_REPLICA_PASSWORD"], "driver": "org.postgresql.Driver"}

results = spark.read.jdbc(url, "lab_results", properties=props)
stats = (
    results.groupBy("site_code")
    .agg(F.expr("percentile_approx(tat_minutes, 0.5)").alias("median_tat"), F.count("result_id").alias("n"))
    .orderBy("site_code")
)
for row in stats.collect():
    print(row.site_code, row.median_tat, row.n)
