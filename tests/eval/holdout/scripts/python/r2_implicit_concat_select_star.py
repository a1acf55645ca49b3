import os

import pandas as pd
import sqlalchemy as sa

engine = sa.create_engine(os.environ["HR_DATABASE_URL"])
query = (
    "SELECT * "
    "FROM employees "
    "WHERE department = :dept"
)
frame = pd.read_sql(sa.text(query), engine, params={"dept": "payroll"})
print(frame.shape)
