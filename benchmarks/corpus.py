#!/usr/bin/env python3
"""Reproducible benchmark corpus: varied Terraform root modules, shared local modules, migration scripts.

The same seed and sizes always give byte-identical files. Layout (what a real infrastructure repository
looks like, and what makes checkov expensive: modules instantiated from several roots, variables,
locals and tags to render):

    modules/<kind>-<n>/{main,variables,outputs}.tf          shared local modules
    stacks/<team>/<app>-<env>/{main,network,data,...}.tf    root modules, some calling ../../../modules/*
    migrations/<app>/NNN_<what>.{py,sh,sql}                 migration and export scripts

Usage: python benchmarks/corpus.py OUT_DIR --tf-files 400 --scripts 100 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import corpus_resources

TEAMS = ("lab", "billing", "crm", "portal", "analytics", "hr", "support", "identity")
APPS = ("results", "patients", "invoices", "orders", "archive", "reports", "exports", "accounts",
        "scheduler", "imaging", "payroll", "tickets", "search", "audit")
ENVS = ("dev", "staging", "prod", "dr")
MODULE_KINDS = ("bucket", "database", "network", "queue", "compute")
STACK_FILES = ("main", "network", "data", "storage", "compute", "monitoring", "iam", "messaging")


class Corpus:
    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.tf_count = 0
        self.script_count = 0
        self.modules: list[tuple[str, str]] = []  # (kind, relative dir)

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if rel.endswith(".tf"):
            self.tf_count += 1
        elif rel.endswith((".py", ".sh", ".sql")):
            self.script_count += 1

    # ---------------------------------------------------------------- Terraform resources
    def resource(self, name: str, kind: str) -> str:
        return corpus_resources.resource(self.rng, name, kind)

    # ---------------------------------------------------------------- modules and stacks
    def module(self, index: int) -> None:
        kind = MODULE_KINDS[index % len(MODULE_KINDS)]
        rel = f"modules/{kind}-{index:03d}"
        self.modules.append((kind, rel))
        body = self.locals("module") + self.resource("this", kind)
        if self.rng.random() < 0.5:
            body += "\n" + self.resource("extra", self.rng.choice(("monitoring", "queue", "bucket")))
        self.write(f"{rel}/main.tf", body)
        self.write(f"{rel}/variables.tf", self.variables())
        self.write(f"{rel}/outputs.tf", 'output "prefix" {\n  value = local.prefix\n}\n')

    def locals(self, name: str) -> str:
        team = self.rng.choice(TEAMS)
        return f'''locals {{
  prefix = "${{var.project}}-${{var.environment}}-{name}"
  common_tags = {{
    team        = "{team}"
    environment = var.environment
    managed_by  = "terraform"
    cost_center = "{self.rng.randint(1000, 9999)}"
  }}
}}

'''

    @staticmethod
    def variables() -> str:
        text = ""
        for var, default in (("project", '"acme"'), ("environment", '"dev"'), ("vpc_id", '"vpc-0123"'),
                             ("kms_key_arn", '"arn:aws:kms:eu-west-3:111122223333:key/abcd"'),
                             ("db_password", None), ("office_cidr", '"192.0.2.0/24"'),
                             ("allowed_ports", "[443, 8443]"), ("log_bucket_arn", '"arn:aws:s3:::logs"'),
                             ("log_bucket", '"acme-logs"'), ("ami_id", '"ami-0abc"'),
                             ("instance_profile", '"app"'), ("availability_zone", '"eu-west-3a"')):
            text += f'variable "{var}" {{\n  type = any\n' + (f"  default = {default}\n" if default else "") + "}\n\n"
        return text

    def stack(self, team: str, app: str, env: str, files: int) -> None:
        rel = f"stacks/{team}/{app}-{env}"
        r = self.rng
        self.write(f"{rel}/variables.tf", self.variables())
        self.write(f"{rel}/providers.tf", f'''terraform {{
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }}
  }}
}}

provider "aws" {{
  region = "{r.choice(("eu-west-3", "eu-west-1", "eu-central-1"))}"
}}
''')
        self.write(f"{rel}/terraform.tfvars", f'environment = "{env}"\nproject = "{team}-{app}"\n')
        for index in range(max(files - 2, 1)):
            name = STACK_FILES[index] if index < len(STACK_FILES) else f"extra{index}"
            body = self.locals(app) if index == 0 else ""
            for n in range(r.randint(1, 3)):
                kind = r.choice(("bucket", "database", "network", "queue", "compute", "iam", "monitoring", "data"))
                body += self.resource(f"{app}_{name}_{n}", kind) + "\n"
            if self.modules and r.random() < 0.45:
                kind, mod = r.choice(self.modules)
                body += f'''module "{name}_{kind}" {{
  source       = "../../../{mod}"
  project      = "{team}-{app}"
  environment  = "{env}"
  db_password  = var.db_password
  kms_key_arn  = var.kms_key_arn
}}
'''
            self.write(f"{rel}/{name}.tf", body)

    # ---------------------------------------------------------------- scripts
    def script(self, app: str, index: int) -> None:
        r = self.rng
        lang = r.choices(("py", "sh", "sql"), weights=(5, 3, 2))[0]
        what = r.choice(("export", "copy", "migrate", "purge", "backfill", "anonymise", "archive"))
        rel = f"migrations/{app}/{index:03d}_{what}_{r.choice(APPS)}.{lang}"
        table = r.choice(("patients", "lab_results", "customers", "invoices", "orders", "employees", "sessions"))
        host = r.choice(("db.internal", "10.0.3.12", "results-db.prod.example.org"))
        if lang == "py":
            cols = r.choice(("*", "id, created_at", "id, name, email", "id, status"))
            text = f'''"""{what.capitalize()} {table} for the {app} migration."""
import csv
import os

import boto3
import psycopg2

BUCKET = "{app}-{what}-bucket"


def connect():
    return psycopg2.connect(host="{host}", dbname="{app}", user="{r.choice(("admin", "svc_" + app, "migration"))}",
                            password={r.choice(('os.environ["DB_PASSWORD"]', '"Winter2021!"', 'os.getenv("PGPASSWORD")'))},
                            sslmode="{r.choice(("require", "disable", "verify-full"))}")


def run(out_path="/tmp/{table}.csv"):
    conn = connect()
    cur = conn.cursor()
    cur.execute("SELECT {cols} FROM {table} WHERE updated_at > %s", ("2021-01-01",))
    with open(out_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        for row in cur:
            writer.writerow(row)
    s3 = boto3.client("s3")
    s3.upload_file(out_path, BUCKET, "{what}/{table}.csv"{r.choice((', ExtraArgs={"ServerSideEncryption": "aws:kms"}', ""))})
'''
            if r.random() < 0.5:
                text += "    os.remove(out_path)\n"
            text += '\n\nif __name__ == "__main__":\n    run()\n'
        elif lang == "sh":
            text = f'''#!/usr/bin/env bash
# {what} {table} for {app}
set -euo pipefail
export PGHOST={host}
'''
            text += r.choice((f"pg_dump --dbname={app} --table={table} > /tmp/{table}.sql\n",
                              f"pg_dumpall > /backup/{app}-all.sql\n",
                              f"mysqldump --all-databases -u root -p{r.choice(('secret123', '$DB_PASSWORD'))} > /tmp/{app}.sql\n",
                              f"psql -c \"\\copy (SELECT id, status FROM {table}) TO '/tmp/{table}.csv' CSV\"\n"))
            text += r.choice((f"aws s3 cp /tmp/{table}.sql s3://{app}-{what}/ --sse aws:kms\n",
                              f"aws s3 cp /tmp/{table}.sql s3://{app}-{what}/\n",
                              f"curl -T /tmp/{table}.sql ftp://files.example.org/{app}/\n",
                              f"scp /tmp/{table}.sql backup@{host}:/srv/{app}/\n"))
            if r.random() < 0.5:
                text += f"rm -f /tmp/{table}.sql\n"
        else:
            text = f"-- {what} {table} for {app}\n"
            text += r.choice((f"CREATE TABLE {table}_{what} AS SELECT * FROM {table};\n",
                              f"INSERT INTO {table}_archive (id, created_at) SELECT id, created_at FROM {table} WHERE created_at < now() - interval '5 years';\n",
                              f"COPY (SELECT * FROM {table}) TO '/tmp/{table}.csv' WITH CSV HEADER;\n",
                              f"CREATE USER {r.choice(('shared_team', app + '_ro'))} WITH PASSWORD '{r.choice(('changeme', 'Lab2021'))}';\n"))
            if r.random() < 0.5:
                text += f"DROP TABLE IF EXISTS {table}_{what};\n"
            text += f"ALTER TABLE {table} ADD COLUMN migrated_at timestamptz;\n"
        self.write(rel, text)


def generate(out: Path, tf_files: int, scripts: int, seed: int = 7) -> dict[str, int]:
    """Write a corpus with about `tf_files` .tf files (exactly, unless very small) and `scripts` scripts."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    corpus = Corpus(out, seed)
    module_count = max(1, tf_files // 40)
    for index in range(module_count):
        if corpus.tf_count + 3 > tf_files:
            break
        corpus.module(index)
    combos = [(t, a, e) for t in TEAMS for a in APPS for e in ENVS]
    corpus.rng.shuffle(combos)
    stack_index = 0
    while corpus.tf_count < tf_files:
        team, app, env = combos[stack_index % len(combos)]
        suffix = "" if stack_index < len(combos) else f"-{stack_index // len(combos)}"
        remaining = tf_files - corpus.tf_count
        files = min(remaining, corpus.rng.randint(3, 10))
        if remaining - files in (1, 2):
            files = remaining
        corpus.stack(team, app + suffix, env, max(files, 3) if remaining >= 3 else remaining + 1)
        stack_index += 1
    apps = [a for a in APPS]
    for index in range(scripts):
        corpus.script(apps[index % len(apps)], index)
    return {"tf_files": corpus.tf_count, "scripts": corpus.script_count, "modules": len(corpus.modules),
            "stacks": stack_index}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tf-files", type=int, default=400)
    parser.add_argument("--scripts", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.out, args.tf_files, args.scripts, args.seed))


if __name__ == "__main__":
    main()
