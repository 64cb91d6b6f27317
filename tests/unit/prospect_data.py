"""Data the prospect file tests share: a messy bought file, and outcomes simulated from known weights."""
import datetime as dt
import math

import numpy as np
from sqlalchemy import insert

from leadqual.learning import features
from leadqual.model import DECISION_ROLES, PROSPECT_SOURCES
from leadqual.scoring import Evidence, load_scoring
from leadqual.storage.schema import prospects, signals

HAND = load_scoring()

# Semicolons, French headers, a BOM, accents, blank lines, a duplicate by email in another case,
# a row with nothing to identify it, a bad phone, and a line with too many fields.
MESSY = (
    "Raison sociale;Nom;Courriel;Téléphone;Pays;Effectif;CA;Secteur;Remarque\n"   # 1
    "\n"                                                                            # 2
    "Société Générale des Eaux;Élodie Martin;elodie.martin@sge.fr;06 12 34 56 78;Lyon;250;1,5 M€;;salon\n"  # 3
    "Müller GmbH;Jürgen Müller;j.mueller@mueller.de;030 1234567;Allemagne;50-99;12 M€;Industrie;\n"  # 4
    ";;;;France;10;;;sans contact\n"                                                # 5
    "Brasserie Dupont;Paul Dupont;ELODIE.MARTIN@SGE.FR;;;;;Logistique;doublon\n"   # 6
    "Café Zoé;Zoé Lefèvre;zoe@cafe-zoe.fr;12;France;3;200 k€;Restauration;\n"      # 7
    "A;b;c;d;e;f;g;h;i;j;k\n"                                                       # 8
    "\n"                                                                            # 9
)

NOW = dt.datetime(2026, 11, 28, 12, 0)
# The truth the simulated outcomes follow, on the hand model's own features.
TRUE_INTERCEPT = -1.0
TRUE_WEIGHTS = {
    "timeline_months<=1.0": 2.0,
    "timeline_months<=None": -2.0,
    "decision_role=user": -1.5,
    "buy_intent": 1.5,
    "decision_role=decision_maker": 1.0,
    "employees<=9.0": 0.8,
    "employees<=None": -0.8,
}
STRONGEST = ("timeline_months<=1.0", "timeline_months<=None", "decision_role=user", "buy_intent")


def simulate(engine, n, seed=0):
    """``n`` prospects with random answers and signals, won with the probability the true weights give."""
    rng = np.random.default_rng(seed)
    rows, kinds = [], []
    for i in range(n):
        answers = {
            "customer_type": "b2b",
            "employees": int(rng.choice([5, 30, 150, 1000])),
            "timeline_months": float(rng.choice([0.5, 2, 5, 10, 24])),
            "decision_role": str(rng.choice(DECISION_ROLES)),
            "prospect_source": str(rng.choice(PROSPECT_SOURCES)),
        }
        said = [kind for kind, p in (("buy_intent", 0.2), ("request_info", 0.3)) if rng.random() < p]
        x = features(HAND, Evidence.of(answers, said))
        p_won = 1 / (1 + math.exp(-(TRUE_INTERCEPT + sum(TRUE_WEIGHTS.get(f, 0.0) * v for f, v in x.items()))))
        outcome = "won" if rng.random() < p_won else "lost"
        rows.append({**answers, "id": i + 1, "channel": "import", "escalated": False, "declined": [], "details": {},
                     "outcome": outcome, "outcome_at": NOW, "created_at": NOW, "updated_at": NOW})
        kinds += [{"prospect_id": i + 1, "kind": kind, "message_id": f"m{i}-{kind}", "created_at": NOW} for kind in said]
    with engine.begin() as conn:  # one transaction: 2000 prospects one by one would take a minute on SQLite
        conn.execute(insert(prospects), rows)
        if kinds:
            conn.execute(insert(signals), kinds)
