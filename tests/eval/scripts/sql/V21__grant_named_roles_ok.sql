-- V21: group role without login; people get it individually
CREATE ROLE results_reader NOLOGIN;
GRANT SELECT ON ALL TABLES IN SCHEMA results TO results_reader;
GRANT results_reader TO alice_martin, bruno_leroy;
