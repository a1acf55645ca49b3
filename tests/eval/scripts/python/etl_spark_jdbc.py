from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("lims-migration").getOrCreate()
jdbc_url = "jdbc:postgresql://legacy-lims:5432/lims"
props = {"user": "spark_etl", "driver": "org.postgresql.Driver"}

results = spark.read.jdbc(jdbc_url, "lab_results", properties=props)
results.select("patient_id", "test_code", "value").write.mode("overwrite").parquet("s3a://lims-stage/results/")
