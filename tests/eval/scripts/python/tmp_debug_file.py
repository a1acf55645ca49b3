import json


def debug(patients):
    with open("/tmp/patients_debug.json", "w") as fh:
        json.dump(patients, fh)
