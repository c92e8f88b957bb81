#!/usr/bin/env python3
"""Labelled evaluation sets of real-world shapes that are not CRM contact exports.

    python3 benches/generality/generate.py --out /work/eval/generality [--seed 1] [--only sites,shops]

Writes NAME.csv and NAME.truth.csv (`row,entity_id`, row = 1-based data row, header excluded) for
each set: sites, historical, members, signups, shops, copies. The same --seed gives the same bytes:
every random choice comes from random.Random seeded with a string (SHA-512 based, independent of
PYTHONHASHSEED) and every Faker instance is seeded with seed_instance; nothing iterates a set.

Written without reading Steward's matcher, its synthetic benches or its fixture generators; see
README.md beside this file for what each set imitates.
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import sys

import phonenumbers
from faker import Faker

# --------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------

KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {}
for _r, _row in enumerate(KEY_ROWS):
    for _c, _ch in enumerate(_row):
        near = []
        for dr in (-1, 0, 1):
            rr = _r + dr
            if 0 <= rr < len(KEY_ROWS):
                for dc in (-1, 0, 1):
                    cc = _c + dc
                    if (dr or dc) and 0 <= cc < len(KEY_ROWS[rr]):
                        near.append(KEY_ROWS[rr][cc])
        NEIGHBOURS[_ch] = "".join(near)


def chance(rng, p):
    return rng.random() < p


def wchoice(rng, items):
    """items: list of (value, weight)."""
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


def typo(rng, s, keep_first=True):
    """One realistic keying error: drop, double, swap two neighbours, or hit a neighbouring key."""
    pos = [i for i, c in enumerate(s) if c.isalpha()]
    if keep_first and len(pos) > 1:
        pos = pos[1:]
    if len(pos) < 2:
        return s
    i = rng.choice(pos)
    kind = rng.choice(["drop", "double", "swap", "key", "key"])
    c = s[i]
    if kind == "drop":
        return s[:i] + s[i + 1:]
    if kind == "double":
        return s[:i] + c + s[i:]
    if kind == "swap":
        j = i + 1 if i + 1 < len(s) and s[i + 1].isalpha() else i - 1
        if j < 0 or not s[j].isalpha():
            return s[:i] + s[i + 1:]
        a, b = sorted((i, j))
        return s[:a] + s[b] + s[a] + s[b + 1:]
    low = c.lower()
    if low not in NEIGHBOURS:
        return s[:i] + s[i + 1:]
    n = rng.choice(NEIGHBOURS[low])
    n = n.upper() if c.isupper() else n
    return s[:i] + n + s[i + 1:]


def digit_typo(rng, s):
    pos = [i for i, c in enumerate(s) if c.isdigit()]
    if len(pos) < 2:
        return s
    if chance(rng, 0.5):
        i = rng.choice(pos[:-1])
        j = i + 1
        if s[j].isdigit() and s[i] != s[j]:
            return s[:i] + s[j] + s[i] + s[j + 1:]
    i = rng.choice(pos)
    d = str((int(s[i]) + rng.choice([1, 9, 2, 8])) % 10)
    return s[:i] + d + s[i + 1:]


def title(s):
    """Title case that keeps apostrophes and ordinals sensible (o'brien -> O'Brien, 63rd -> 63rd)."""
    out = []
    for w in s.split(" "):
        if not w:
            out.append(w)
            continue
        if w[0].isdigit():
            out.append(w.lower())
            continue
        parts = w.split("-")
        parts = [p[:1].upper() + p[1:].lower() for p in parts]
        w = "-".join(parts)
        if len(w) > 2 and w[1] == "'" and w[0] in "OD":
            w = w[:2] + w[2].upper() + w[3:]
        if w.startswith("Mc") and len(w) > 2:
            w = "Mc" + w[2].upper() + w[3:]
        out.append(w)
    return " ".join(out)


class NumberPool:
    """Unique, valid (per libphonenumber) national numbers."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def nanp(self, area_codes, exchange=None):
        rng = self.rng
        for _ in range(1000):
            area = rng.choice(area_codes)
            ex = exchange or "%d%d%d" % (rng.randint(2, 9), rng.randint(0, 9), rng.randint(0, 9))
            if ex[1:] == "11" or ex == "555" or ex == "958" or ex == "959":
                continue
            sub = "%04d" % rng.randint(0, 9999)
            d = area + ex + sub
            if d in self.used:
                continue
            if phonenumbers.is_valid_number(phonenumbers.parse("+1" + d)):
                self.used.add(d)
                return d
        raise RuntimeError("no NANP number")

    def uk_landline(self, code):
        """code like '01483'; returns the national number with its 0."""
        rng = self.rng
        sublen = 11 - len(code)
        for _ in range(1000):
            sub = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(sublen - 1))
            d = code + sub
            if d in self.used:
                continue
            if phonenumbers.is_valid_number(phonenumbers.parse("+44" + d[1:])):
                self.used.add(d)
                return d
        raise RuntimeError("no UK landline")

    def uk_mobile(self):
        rng = self.rng
        for _ in range(1000):
            d = "07" + rng.choice("4577789") + "".join(str(rng.randint(0, 9)) for _ in range(8))
            if d in self.used or d.startswith("07700900"):
                continue
            n = phonenumbers.parse("+44" + d[1:])
            if phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) == phonenumbers.PhoneNumberType.MOBILE:
                self.used.add(d)
                return d
        raise RuntimeError("no UK mobile")


def fmt_nanp(d, style):
    a, e, s = d[:3], d[3:6], d[6:]
    return {
        "dash": f"{a}-{e}-{s}",
        "paren": f"({a}) {e}-{s}",
        "paren_tight": f"({a}){e}-{s}",
        "paren_space": f"({a}) {e} {s}",
        "dot": f"{a}.{e}.{s}",
        "plain": f"{a}{e}{s}",
        "slash": f"{a}/{e}-{s}",
        "space": f"{a} {e} {s}",
        "local": f"{e}{s}",
        "local_dash": f"{e}-{s}",
        "one_dash": f"1-{a}-{e}-{s}",
    }[style]


def fmt_uk(d, style):
    """d: national number with leading 0 (e.g. 01483960123 or 07911123456)."""
    if d.startswith("07"):
        head, tail = d[:5], d[5:]
        return {
            "std": f"{head} {tail}",
            "plain": d,
            "three": f"{head} {tail[:3]} {tail[3:]}",
            "intl": f"+44 {head[1:]} {tail}",
            "excel44": "44" + d[1:],
            "nozero": d[1:],
            "dashed": f"{head}-{tail}",
        }[style]
    if d.startswith("02"):
        head, mid, tail = d[:3], d[3:7], d[7:]
        return {
            "std": f"{head} {mid} {tail}",
            "plain": d,
            "three": f"({head}) {mid} {tail}",
            "intl": f"+44 {head[1:]} {mid} {tail}",
            "excel44": "44" + d[1:],
            "nozero": d[1:],
            "dashed": f"{head}-{mid}-{tail}",
        }[style]
    head, tail = d[:5], d[5:]
    return {
        "std": f"{head} {tail}",
        "plain": d,
        "three": f"({head}) {tail}",
        "intl": f"+44 {head[1:]} {tail}",
        "excel44": "44" + d[1:],
        "nozero": d[1:],
        "dashed": f"{head}-{tail}",
        "split": f"{head} {tail[:3]} {tail[3:]}",
    }[style]


def write_set(outdir, name, header, rows, rng, lineterminator="\n"):
    """rows: list of (list_of_cells, entity_id). Shuffles, writes NAME.csv and NAME.truth.csv."""
    rows = list(rows)
    rng.shuffle(rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=lineterminator)
    w.writerow(header)
    for cells, _ in rows:
        assert len(cells) == len(header), (name, cells)
        w.writerow(cells)
    with open(os.path.join(outdir, name + ".csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    tbuf = io.StringIO()
    tw = csv.writer(tbuf, lineterminator="\n")
    tw.writerow(["row", "entity_id"])
    for i, (_, eid) in enumerate(rows, 1):
        tw.writerow([i, eid])
    with open(os.path.join(outdir, name + ".truth.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(tbuf.getvalue())
    ents = len({e for _, e in rows})
    return len(rows), ents


def seeded_faker(locale, rng):
    f = Faker(locale)
    f.seed_instance(rng.randrange(1 << 30))
    return f


# --------------------------------------------------------------------------------------------
# 1. sites: a city's childcare / early-learning sites merged from four agencies' lists
# --------------------------------------------------------------------------------------------

NEIGHBOURHOODS = [
    # name, community area number, ZIPs, lat, lon
    ("Rogers Park", 1, ["60626"], 42.009, -87.666), ("West Ridge", 2, ["60659", "60645"], 41.999, -87.692),
    ("Uptown", 3, ["60640"], 41.966, -87.653), ("Lincoln Square", 4, ["60625"], 41.969, -87.689),
    ("North Center", 5, ["60618"], 41.954, -87.679), ("Lake View", 6, ["60657", "60613"], 41.943, -87.654),
    ("Lincoln Park", 7, ["60614"], 41.921, -87.648), ("Edgewater", 77, ["60660"], 41.987, -87.661),
    ("Albany Park", 14, ["60625"], 41.968, -87.719), ("Irving Park", 16, ["60618", "60641"], 41.953, -87.736),
    ("Portage Park", 15, ["60641", "60634"], 41.957, -87.765), ("Belmont Cragin", 19, ["60639"], 41.931, -87.768),
    ("Hermosa", 20, ["60639"], 41.922, -87.734), ("Avondale", 21, ["60618"], 41.939, -87.711),
    ("Logan Square", 22, ["60647"], 41.923, -87.704), ("Humboldt Park", 23, ["60651"], 41.902, -87.720),
    ("West Town", 24, ["60622"], 41.897, -87.672), ("Austin", 25, ["60644", "60651"], 41.894, -87.766),
    ("West Garfield Park", 26, ["60624"], 41.880, -87.729), ("East Garfield Park", 27, ["60612", "60624"], 41.880, -87.702),
    ("Near West Side", 28, ["60607", "60612"], 41.874, -87.667), ("North Lawndale", 29, ["60623"], 41.860, -87.718),
    ("South Lawndale", 30, ["60623"], 41.844, -87.713), ("Lower West Side", 31, ["60608"], 41.853, -87.665),
    ("Bridgeport", 60, ["60608", "60616"], 41.838, -87.651), ("Douglas", 35, ["60616"], 41.835, -87.618),
    ("Grand Boulevard", 38, ["60653"], 41.813, -87.618), ("Kenwood", 39, ["60615"], 41.809, -87.597),
    ("Washington Park", 40, ["60637"], 41.793, -87.618), ("Hyde Park", 41, ["60615", "60637"], 41.794, -87.593),
    ("Woodlawn", 42, ["60637"], 41.778, -87.600), ("South Shore", 43, ["60649"], 41.763, -87.575),
    ("Chatham", 44, ["60619"], 41.741, -87.612), ("South Chicago", 46, ["60617"], 41.740, -87.555),
    ("Brighton Park", 58, ["60632"], 41.818, -87.699), ("New City", 61, ["60609"], 41.809, -87.656),
    ("Gage Park", 63, ["60629", "60632"], 41.795, -87.696), ("Chicago Lawn", 66, ["60629"], 41.775, -87.696),
    ("West Englewood", 67, ["60636"], 41.778, -87.666), ("Englewood", 68, ["60621"], 41.779, -87.645),
    ("Greater Grand Crossing", 69, ["60619"], 41.761, -87.614), ("Auburn Gresham", 71, ["60620"], 41.743, -87.653),
    ("Roseland", 49, ["60628"], 41.709, -87.623), ("Pullman", 50, ["60628"], 41.709, -87.608),
    ("West Pullman", 53, ["60628", "60643"], 41.678, -87.633), ("Morgan Park", 75, ["60643"], 41.690, -87.667),
    ("Beverly", 72, ["60643"], 41.713, -87.675), ("East Side", 52, ["60617"], 41.708, -87.534),
]

NORTH_STREETS = [
    ("N", "Clark", "St"), ("N", "Broadway", ""), ("N", "Sheridan", "Rd"), ("W", "Lawrence", "Ave"),
    ("W", "Montrose", "Ave"), ("W", "Irving Park", "Rd"), ("N", "Milwaukee", "Ave"), ("W", "Fullerton", "Ave"),
    ("W", "Armitage", "Ave"), ("W", "Division", "St"), ("W", "North", "Ave"), ("W", "Chicago", "Ave"),
    ("N", "Western", "Ave"), ("N", "Kedzie", "Ave"), ("N", "Pulaski", "Rd"), ("N", "Cicero", "Ave"),
    ("N", "Central", "Ave"), ("W", "Belmont", "Ave"), ("W", "Diversey", "Pkwy"), ("N", "Lincoln", "Ave"),
    ("W", "Foster", "Ave"), ("W", "Devon", "Ave"), ("N", "Ridge", "Ave"), ("W", "Addison", "St"),
    ("N", "Elston", "Ave"), ("W", "Augusta", "Blvd"), ("N", "Damen", "Ave"), ("N", "Ashland", "Ave"),
    ("W", "Grand", "Ave"), ("N", "Harlem", "Ave"), ("W", "Wilson", "Ave"), ("W", "Touhy", "Ave"),
    ("N", "California", "Ave"), ("W", "Madison", "St"), ("W", "Washington", "Blvd"), ("W", "Jackson", "Blvd"),
    ("W", "Roosevelt", "Rd"), ("W", "Ogden", "Ave"), ("N", "Kimball", "Ave"), ("W", "Leland", "Ave"),
]
SOUTH_STREETS = [
    ("S", "Halsted", "St"), ("S", "Ashland", "Ave"), ("S", "Western", "Ave"), ("S", "Kedzie", "Ave"),
    ("S", "Pulaski", "Rd"), ("S", "Cicero", "Ave"), ("S", "Cottage Grove", "Ave"), ("S", "Stony Island", "Ave"),
    ("S", "Martin Luther King", "Dr"), ("S", "Michigan", "Ave"), ("S", "State", "St"), ("S", "Wentworth", "Ave"),
    ("S", "Vincennes", "Ave"), ("S", "Prairie", "Ave"), ("S", "Indiana", "Ave"), ("S", "Damen", "Ave"),
    ("S", "Racine", "Ave"), ("S", "Archer", "Ave"), ("W", "47th", "St"), ("W", "51st", "St"), ("W", "55th", "St"),
    ("W", "59th", "St"), ("W", "63rd", "St"), ("E", "63rd", "St"), ("E", "67th", "St"), ("E", "71st", "St"),
    ("E", "75th", "St"), ("W", "79th", "St"), ("E", "79th", "St"), ("W", "87th", "St"), ("W", "95th", "St"),
    ("W", "103rd", "St"), ("W", "111th", "St"), ("E", "Garfield", "Blvd"), ("W", "Cermak", "Rd"),
    ("W", "26th", "St"), ("W", "18th", "St"), ("S", "Exchange", "Ave"), ("S", "Commercial", "Ave"),
    ("S", "Wabash", "Ave"), ("W", "35th", "St"), ("S", "Kostner", "Ave"), ("S", "Lowe", "Ave"),
]

DIR_WORD = {"N": "North", "S": "South", "E": "East", "W": "West"}
TYPE_VARIANTS = {
    "St": ["St", "St.", "Street"], "Ave": ["Ave", "Ave.", "Avenue", "Av"], "Rd": ["Rd", "Rd.", "Road"],
    "Blvd": ["Blvd", "Blvd.", "Boulevard"], "Dr": ["Dr", "Dr.", "Drive"], "Pkwy": ["Pkwy", "Parkway"], "": [""],
}

# (legal name, short name, web domain, branch style, min sites, max sites)
AGENCIES = [
    ("YMCA of Metropolitan Chicago", "YMCA", "ymcachicago.org", "ymca", 4, 9),
    ("Chicago Youth Centers", "CYC", "chicagoyouthcenters.org", "person_center", 4, 10),
    ("Catholic Charities of the Archdiocese of Chicago", "Catholic Charities", "catholiccharities.net", "saint_cdc", 5, 12),
    ("Children's Home & Aid Society of Illinois", "Children's Home & Aid", "childrenshomeandaid.org", "neigh_family", 3, 7),
    ("Erie Neighborhood House", "Erie House", "eriehouse.org", "neigh", 2, 4),
    ("Christopher House", "Christopher House", "christopherhouse.org", "neigh", 3, 6),
    ("Metropolitan Family Services", "Metropolitan Family Services", "metrofamily.org", "neigh", 3, 8),
    ("El Valor Corporation", "El Valor", "elvalor.net", "person_center", 2, 5),
    ("The Salvation Army Metropolitan Division", "Salvation Army", "salarmychicago.org", "neigh_corps", 3, 7),
    ("Chicago Commons Association", "Chicago Commons", "chicagocommons.org", "person_cdc", 3, 6),
    ("Carole Robertson Center for Learning", "Carole Robertson Center", "crcl.net", "street", 2, 4),
    ("Chinese American Service League", "CASL", "caslservice.org", "neigh_ecc", 2, 3),
    ("Easterseals Serving Chicagoland", "Easterseals", "eastersealschicago.org", "neigh_cdc", 2, 4),
    ("KinderCare Education LLC", "KinderCare", "kindercare.com", "kindercare", 3, 8),
    ("Bright Horizons Family Solutions", "Bright Horizons", "brighthorizons.com", "employer", 3, 6),
    ("Henry Booth House", "Henry Booth House", "hbh.org", "neigh", 2, 4),
    ("Marcy-Newberry Association", "Marcy-Newberry", "marcy-newberry.org", "neigh_center", 2, 4),
    ("Gads Hill Center", "Gads Hill Center", "gadshillcenter.org", "street", 2, 3),
    ("Casa Central Social Services", "Casa Central", "casacentral.org", "neigh", 2, 4),
    ("Onward Neighborhood House", "Onward House", "onwardhouse.org", "neigh", 2, 3),
    ("Jane Addams Hull House Association", "Hull House", "hullhouse.org", "person_center", 3, 6),
    ("Learning Tree Child Care Inc", "Learning Tree", "learningtreechicago.com", "street", 2, 4),
    ("Kiddie Academy Educational Child Care", "Kiddie Academy", "kiddieacademy.com", "of_neigh", 2, 4),
    ("Ounce of Prevention Fund", "Educare", "theounce.org", "educare", 2, 3),
]
EMPLOYERS = ["Northwestern Memorial", "Rush University Medical Center", "the University of Chicago",
             "Illinois Institute of Technology", "Loyola University", "Advocate Illinois Masonic",
             "Prudential Plaza", "Lurie Children's", "UIC"]
SAINTS = ["Agnes", "Ambrose", "Anne", "Benedict", "Bernadette", "Bridget", "Cajetan", "Catherine of Siena",
          "Clement", "Columbanus", "Cornelius", "Dorothy", "Elizabeth", "Gabriel", "Gertrude", "Hedwig",
          "Hilary", "Ignatius", "James", "Jerome", "John Berchmans", "Joseph", "Juliana", "Kilian", "Malachy",
          "Margaret of Scotland", "Mark", "Mary of the Lake", "Matthias", "Michael", "Monica", "Nicholas",
          "Patrick", "Paul", "Philip Neri", "Rita", "Sabina", "Thomas the Apostle", "Timothy", "Viator",
          "Francis Xavier", "Ethelreda", "Barnabas", "Cyril", "Adalbert", "Sylvester"]
IND_ADJ = ["Little", "Tiny", "Happy", "Bright", "Sunshine", "Rainbow", "Precious", "Kiddie", "Wonder", "Small World",
           "Kids'", "Golden", "Lil'", "First Step", "Building Blocks", "Stepping Stones", "ABC", "Jack & Jill",
           "Noah's Ark", "Humpty Dumpty", "Kinder", "Tender Care", "Creative", "Growing", "Blessed", "New Horizons",
           "Smart Start", "Future Leaders", "Busy Bee", "Cuddle Care"]
IND_NOUN = ["Angels", "Scholars", "Learners", "Tots", "Steps", "Hearts", "Stars", "Minds", "Explorers", "Lambs",
            "Blessings", "Treasures", "Kingdom", "Garden", "Beginnings", "Sprouts", "Kids", "Cubs", "World",
            "Academy"]
IND_TYPE = ["Day Care", "Daycare Center", "Child Care Center", "Learning Center", "Early Learning Academy",
            "Child Development Center", "Preschool", "Academy", "Day Care Center", "Early Learning Center",
            "Nursery School"]
CHURCH_PREFIX = ["Greater", "New", "Mount", "True", "First", "Second", "Holy", "Living", "Progressive", "Friendship",
                 "Shiloh", "Bethel", "Zion", "Antioch", "St. John", "Trinity", "Cornerstone", "Faith"]
CHURCH_MID = ["Hope", "Life", "Pilgrim", "Vine", "Calvary", "Grace", "Covenant", "Canaan", "Carmel", "Olive",
              "Light", "Harvest", "Victory", "Promise", "Rock"]
CHURCH_TYPE = ["Missionary Baptist Church", "Community Church", "Church of God in Christ", "Lutheran Church",
               "United Methodist Church", "Baptist Church", "Christian Center", "AME Church"]
CHURCH_CARE = ["Day Care", "Child Care Center", "Early Learning Center", "Child Development Center", "Daycare",
               "Preschool"]

NAME_ABBREV = [  # canonical -> variants, applied per list with some probability
    ("Child Development Center", ["CDC", "Child Dev. Ctr", "Child Development Ctr"]),
    ("Early Learning Center", ["ELC", "Early Lrng Ctr", "Early Learning Ctr"]),
    ("Child Parent Center", ["CPC", "Child-Parent Center"]),
    ("Elementary School", ["Elementary", "Elem School", "ES", "Elem.", "Elementary Sch"]),
    ("Missionary Baptist Church", ["M.B. Church", "MBC", "Missionary Baptist"]),
    ("Day Care Center", ["Daycare Center", "Day Care Ctr", "Day-Care Center"]),
    ("Day Care", ["Daycare", "Day-Care", "Day Care Ctr"]),
    ("Center", ["Ctr", "Ctr.", "Cntr", "Centre"]),
    ("Academy", ["Acad", "Acad."]),
    ("Community", ["Comm.", "Comm"]),
    ("Mount", ["Mt.", "Mt"]),
    ("Association", ["Assn", "Assoc."]),
    (" & ", [" and ", "&", " + "]),
    ("St. ", ["Saint ", "St ", "ST. "]),
    ("Learning", ["Lrng", "Learn."]),
    ("Neighborhood", ["Nbhd", "Neighbourhood"]),
    ("Youth Center", ["Youth Ctr", "Y.C."]),
]


def sites_set(seed):
    rng = random.Random(f"{seed}:sites")
    fake = seeded_faker("en_US", rng)
    pool = NumberPool(rng)

    def person():
        return f"{fake.first_name()} {fake.last_name()}"

    def pick_addr(neigh):
        streets = NORTH_STREETS if neigh[3] > 41.86 else SOUTH_STREETS
        d, street, typ = rng.choice(streets)
        num = rng.randint(100, 11900) if d in "NS" else rng.randint(200, 5600)
        unit = None
        if chance(rng, 0.2):
            unit = wchoice(rng, [(("suite", str(rng.choice([100, 101, 110, 200, 201, 202, 210, 300, 305, 400]))), 4),
                                 (("unit", rng.choice("ABCD")), 2), (("floor", str(rng.randint(1, 3))), 2),
                                 (("room", str(rng.randint(100, 130))), 1)])
        return [num, d, street, typ, unit]

    def area_for(neigh):
        # downtown-adjacent sites have 312 numbers, the rest 773
        return ["312"] if neigh[0] in ("Near West Side", "West Town", "Douglas", "Lincoln Park") and chance(rng, 0.7) else ["773"]

    def site_phone(neigh):
        return pool.nanp(area_for(neigh))

    sites = []
    # agency sites (hard negatives: shared prefix, agency phone, agency web/e-mail, executive director)
    for legal, short, domain, style, lo, hi in AGENCIES:
        n = rng.randint(lo, hi)
        central = pool.nanp(["312"]) if chance(rng, 0.6) else pool.nanp(["773"])
        agency = {"legal": legal, "short": short, "domain": domain, "central": central,
                  "exec": person(), "grantee": "05CH%04d" % rng.randint(1, 9999),
                  "website": rng.choice([f"www.{domain}", f"http://www.{domain}", f"https://{domain}", domain]),
                  "info_email": rng.choice(["info", "earlylearning", "enroll", "childcare"]) + "@" + domain}
        used_branch = []
        for _ in range(n):
            neigh = rng.choice(NEIGHBOURHOODS)
            for _ in range(20):
                person_name = f"{fake.first_name()} {fake.last_name()}"
                if style == "ymca":
                    branch = rng.choice([neigh[0], neigh[0], person_name + " Family"])
                    name = f"YMCA - {branch}" if chance(rng, 0.6) else f"{branch} YMCA"
                elif style == "person_center":
                    branch = f"{person_name} {rng.choice(['Center', 'Youth Center', 'Child Development Center', 'Early Learning Center'])}"
                    name = f"{short} - {branch}"
                elif style == "saint_cdc":
                    branch = f"St. {rng.choice(SAINTS)} {rng.choice(['Child Development Center', 'Day Care Center', 'Head Start'])}"
                    name = f"{short} - {branch}"
                elif style == "neigh_family":
                    branch = f"{neigh[0]} {rng.choice(['Child & Family Center', 'Early Learning Center', 'Child Development Center'])}"
                    name = f"{short} - {branch}"
                elif style == "neigh_corps":
                    branch = f"{neigh[0]} {rng.choice(['Corps Community Center', 'Red Shield Center', 'Child Care Center'])}"
                    name = f"{short} - {branch}"
                elif style == "person_cdc":
                    branch = f"{person_name} Child Development Center"
                    name = f"{short} - {branch}"
                elif style == "neigh_ecc":
                    branch = f"{neigh[0]} Early Childhood Center"
                    name = f"{short} - {branch}"
                elif style == "neigh_cdc":
                    branch = f"{neigh[0]} Child Development Center"
                    name = f"{short} - {branch}"
                elif style == "neigh_center":
                    branch = f"{neigh[0]} Center"
                    name = f"{short} - {branch}"
                elif style == "street":
                    branch = rng.choice(NORTH_STREETS + SOUTH_STREETS)[1]
                    name = f"{short} - {branch}"
                elif style == "kindercare":
                    branch = rng.choice(NORTH_STREETS + SOUTH_STREETS)[1]
                    name = f"{short} Learning Center - {branch}"
                elif style == "employer":
                    branch = rng.choice(EMPLOYERS)
                    name = f"{short} at {branch}"
                elif style == "of_neigh":
                    branch = neigh[0]
                    name = f"{short} of {branch}"
                elif style == "educare":
                    branch = rng.choice(["Chicago", "West", "South Side", neigh[0]])
                    name = f"{short} {branch}"
                else:
                    branch = neigh[0]
                    name = f"{short} - {branch}"
                if branch not in used_branch and name not in used_branch:
                    break
            used_branch.extend([branch, name])
            sites.append({"kind": "agency", "agency": agency, "name": name, "branch": branch, "neigh": neigh})
    # public-school pre-K sites: all on the school board's 535 exchange (same 3 digits, different lines)
    n_schools = 230
    for _ in range(n_schools):
        neigh = rng.choice(NEIGHBOURHOODS)
        first, mi, last = fake.first_name(), rng.choice("ABCDEFGHJKLMRSTW"), fake.last_name()
        form = wchoice(rng, [("es", 6), ("acad", 1), ("msa", 1), ("cpc", 1), ("magnet", 1)])
        if form == "es":
            name = f"{first} {mi}. {last} Elementary School" if chance(rng, 0.5) else f"{last} Elementary School"
        elif form == "acad":
            name = f"{last} Academy"
        elif form == "msa":
            name = f"{last} Math & Science Academy"
        elif form == "cpc":
            name = f"{last} Child Parent Center"
        else:
            name = f"{last} Fine Arts Magnet Cluster School"
        sites.append({"kind": "school", "agency": None, "name": name, "branch": name, "neigh": neigh,
                      "school_last": last, "school_full": f"{first} {mi}. {last}"})
    # churches
    for _ in range(95):
        neigh = rng.choice(NEIGHBOURHOODS)
        if chance(rng, 0.35):
            name = f"St. {rng.choice(SAINTS)} {rng.choice(['School', 'Parish Day Care', 'Early Childhood Center', 'Preschool'])}"
        else:
            name = f"{rng.choice(CHURCH_PREFIX)} {rng.choice(CHURCH_MID)} {rng.choice(CHURCH_TYPE)} {rng.choice(CHURCH_CARE)}"
        sites.append({"kind": "church", "agency": None, "name": name, "branch": name, "neigh": neigh})
    # independents, up to 900 sites in all
    while len(sites) < 900:
        neigh = rng.choice(NEIGHBOURHOODS)
        form = wchoice(rng, [("adj", 6), ("owner", 2), ("neigh", 2), ("montessori", 1), ("first", 1)])
        if form == "adj":
            name = f"{rng.choice(IND_ADJ)} {rng.choice(IND_NOUN)} {rng.choice(IND_TYPE)}"
        elif form == "owner":
            name = f"{fake.last_name()}'s {rng.choice(IND_ADJ)} {rng.choice(IND_NOUN)}"
        elif form == "neigh":
            name = f"{neigh[0]} {rng.choice(['Day Nursery', 'Montessori School', 'Child Care Center', 'Learning Center', 'Cooperative Nursery School'])}"
        elif form == "montessori":
            name = f"{rng.choice(['Montessori School of', 'Montessori Academy of', 'Children of Peace Montessori -'])} {neigh[0]}"
        else:
            name = f"{fake.first_name_female()}'s {rng.choice(['Tender Care', 'Home Day Care', 'Little Ones', 'Kiddie Korner', 'Learning Tree'])}"
        sites.append({"kind": "independent", "agency": None, "name": name, "branch": name, "neigh": neigh})

    # per-site facts
    for s in sites:
        nb = s["neigh"]
        s["addr"] = pick_addr(nb)
        s["zip"] = rng.choice(nb[2])
        s["zip4"] = "%04d" % rng.randint(1000, 9999)
        if s["kind"] == "school":
            s["phone"] = pool.nanp(["773"], exchange="535")
            s["fax"] = pool.nanp(["773"], exchange="535")
            s["cps_id"] = str(rng.randint(609600, 610600))
        else:
            s["phone"] = site_phone(nb)
            s["fax"] = pool.nanp([s["phone"][:3]], exchange=s["phone"][3:6]) if chance(rng, 0.6) else None
            s["cps_id"] = ""
        s["director"] = person()
        s["director2"] = person() if chance(rng, 0.2) else s["director"]
        s["lat"] = nb[3] + rng.uniform(-0.012, 0.012)
        s["lon"] = nb[4] + rng.uniform(-0.015, 0.015)
        s["ward"] = rng.randint(1, 50)
        s["license"] = str(rng.randint(400000, 699999)) if s["kind"] != "school" else ""
        s["capacity"] = rng.choice([16, 20, 24, 30, 36, 40, 45, 48, 52, 60, 64, 72, 80, 96, 100, 120, 150, 180])
        s["ages"] = rng.choice(["0-5", "3-5", "6 wks - 5 yrs", "2-5", "15 mos-5 yrs", "3 to 5", "0-12", "2 yrs - 12 yrs"])
        s["hours"] = rng.choice(["7:00am-6:00pm", "6:30 AM - 6:00 PM", "M-F 7-6", "8:00-3:00", "7am - 5:30pm",
                                 "6:00am-6:30pm", "8:30 AM-2:30 PM"])
        s["langs"] = wchoice(rng, [("English", 5), ("English, Spanish", 4), ("English; Spanish", 1),
                                   ("English, Polish", 1), ("English, Chinese (Cantonese)", 1), ("Spanish", 1),
                                   ("English, Arabic", 1)])
        s["ccap"] = rng.choice(["Y", "Y", "N", "Yes", ""])
        s["alt_phone"] = pool.nanp([s["phone"][:3]]) if s["kind"] in ("independent", "church") and chance(rng, 0.12) else None
        s["alt_addr"] = None
        if chance(rng, 0.03) and s["agency"] is None:
            s["alt_addr"] = pick_addr(nb)  # a second building of the same site (annex) in one list
        slug = "".join(c for c in s["name"].lower() if c.isalnum())[:22]
        if s["agency"]:
            a = s["agency"]
            dlast = s["director"].split()[-1].lower()
            s["email"] = a["info_email"] if chance(rng, 0.4) else f"{s['director'][0].lower()}{dlast}@{a['domain']}"
            s["website"] = a["website"]
        elif s["kind"] == "school":
            s["email"] = f"{s['director'][0].lower()}{s['director'].split()[-1].lower()}@cps.edu"
            s["website"] = f"www.{s['school_last'].lower()}.cps.edu"
        else:
            s["email"] = f"{slug}@{rng.choice(['gmail.com', 'yahoo.com', 'sbcglobal.net', 'att.net', 'aol.com', 'hotmail.com'])}" if chance(rng, 0.7) else ""
            s["website"] = f"www.{slug}.com" if chance(rng, 0.35) else ""

    SOURCES = {
        "CPS": "CPS Early Learning Programs 2019-20",
        "DFSS": "DFSS Head Start & Early Head Start Sites",
        "DCFS": "DCFS Licensed Day Care Centers - Chicago",
        "PB": "Purple Binder export",
    }
    eligible = {"agency": ["CPS", "DFSS", "DCFS", "PB"], "school": ["CPS", "PB"],
                "church": ["DCFS", "PB", "DFSS"], "independent": ["DCFS", "PB", "CPS", "DFSS"]}
    list_weights = {"CPS": 3, "DFSS": 2, "DCFS": 3, "PB": 3}

    def apply_abbrev(name, p):
        for canon, variants in NAME_ABBREV:
            if canon in name and chance(rng, p):
                name = name.replace(canon, rng.choice(variants), 1)
        return name

    def name_variant(s, src):
        name = s["name"]
        a = s["agency"]
        if src == "CPS":
            if s["kind"] == "school" and chance(rng, 0.5):
                name = wchoice(rng, [(f"{s['school_last']} Elementary", 2), (f"{s['school_last']} ES", 1),
                                     (f"{s['school_full']} Elem School", 1), (f"{s['school_last'].upper()}", 1)]) \
                    if "Elementary" in name else name
            if a and chance(rng, 0.25):
                name = s["branch"] if " - " in name else name
            name = apply_abbrev(name, 0.15)
        elif src == "DFSS":
            if a and chance(rng, 0.55):
                name = s["branch"]
            name = apply_abbrev(name, 0.45)
        elif src == "DCFS":
            if a and chance(rng, 0.3):
                name = f"{a['legal']} - {s['branch']}" if " - " in s["name"] else f"{a['legal']} {s['branch']}"
            if s["kind"] in ("independent", "church") and chance(rng, 0.35):
                name = name + rng.choice([" INC", " INC.", ", INC.", " LLC", " NFP", " CORP"])
            name = apply_abbrev(name, 0.3)
            name = name.upper()
            if chance(rng, 0.3):
                name = name.replace(".", "").replace("'", "")
        else:  # PB
            if chance(rng, 0.1) and not name.startswith("The "):
                name = "The " + name
            if s["kind"] != "school" and chance(rng, 0.12):
                name = name + rng.choice([", Inc.", " Inc.", " Inc"])
            name = apply_abbrev(name, 0.2)
            if chance(rng, 0.05):
                name = name.lower()
        if name.startswith("The ") and chance(rng, 0.3):
            name = name[4:]
        if chance(rng, 0.07):
            name = typo(rng, name)
        return name

    def addr_variant(addr, src):
        num, d, street, typ, unit = addr
        num = str(num)
        if chance(rng, 0.02):
            num = digit_typo(rng, num)
        dd = wchoice(rng, [(d, 6), (d + ".", 2), (DIR_WORD[d], 2)])
        if street == "Martin Luther King":
            street = wchoice(rng, [("Martin Luther King", 3), ("Dr Martin Luther King Jr", 2), ("MLK", 1),
                                   ("King", 1), ("Dr. Martin L. King", 1)])
        tt = rng.choice(TYPE_VARIANTS[typ])
        parts = [num, dd, street] + ([tt] if tt else [])
        s = " ".join(parts)
        if unit and chance(rng, 0.75):
            kind, v = unit
            if kind == "suite":
                u = rng.choice([f"Suite {v}", f"Ste {v}", f"Ste. {v}", f"#{v}", f"Suite #{v}"])
            elif kind == "unit":
                u = rng.choice([f"Unit {v}", f"#{v}", f"Bldg {v}"])
            elif kind == "floor":
                o = {"1": "1st", "2": "2nd", "3": "3rd"}[v]
                u = rng.choice([f"{o} Floor", f"{o} Fl", f"{o} Fl.", f"Floor {v}"])
            else:
                u = rng.choice([f"Room {v}", f"Rm {v}", f"Rm. {v}"])
            s = s + rng.choice([", ", " ", ", "]) + u
        if chance(rng, 0.05):
            s = typo(rng, s)
        if src == "DCFS":
            s = s.upper()
            if chance(rng, 0.5):
                s = s.replace(".", "")
        elif chance(rng, 0.04):
            s = s.upper()
        return s

    def phone_variant(d, src):
        if chance(rng, 0.03):
            d = d[:3] + digit_typo(rng, d[3:])
        if src == "CPS":
            st = wchoice(rng, [("dash", 5), ("paren", 3), ("local_dash", 1)])
        elif src == "DFSS":
            st = wchoice(rng, [("local", 4), ("local_dash", 4), ("dash", 2)])
        elif src == "DCFS":
            st = wchoice(rng, [("paren_tight", 5), ("plain", 3), ("local", 1)])
        else:
            st = wchoice(rng, [("dot", 2), ("paren", 3), ("dash", 3), ("local_dash", 2), ("space", 1)])
        out = fmt_nanp(d, st)
        if src == "PB" and chance(rng, 0.05):
            out += rng.choice([" ext. 12", " x201", " ext 3"])
        return out

    header = ["Source", "Site name", "Program Name", "Agency", "Address", "Zip", "Phone", "Fax", "Email Address",
              "Website", "Director", "Executive Director", "Neighborhood", "Community Area", "Ward",
              "Length of Day", "Funded Enrollment", "Day Care Capacity", "Ages Served", "Funding Code",
              "Grantee ID", "CPS School ID", "License #", "Purple binder service type", "Hours of Operation",
              "Languages", "Accepts CCAP", "Latitude", "Longitude", "Last Updated", "Column", "Column2"]
    updated = {"CPS": "08/15/2019", "DFSS": "2019-10-01", "DCFS": "11/30/2019", "PB": "2020-01-14T09:12:44Z"}
    programs_by_src = {
        "CPS": [("Preschool for All", "PFA"), ("Head Start", "HS"), ("Child Parent Center", "CPC"),
                ("Tuition-Based Preschool", "TBP"), ("Preschool for All Expansion", "PFAE")],
        "DFSS": [("Head Start", "HS"), ("Early Head Start", "EHS"), ("Child Care", "CC"),
                 ("Head Start / Child Care", "HS-CC")],
    }
    rows = []
    for idx, s in enumerate(sites):
        eid = "site%04d" % (idx + 1)
        k = wchoice(rng, [(1, 54), (2, 32), (3, 11), (4, 3)])
        el = list(eligible[s["kind"]])
        k = min(k, len(el))
        chosen = []
        while len(chosen) < k:
            c = wchoice(rng, [(x, list_weights[x]) for x in el if x not in chosen])
            chosen.append(c)
        appearances = []
        for src in chosen:
            appearances.append(src)
            if src in ("CPS", "DFSS") and chance(rng, 0.1):
                appearances.append(src)  # second program at the same site: a second row in that list
        prog_used = {}
        for src in appearances:
            a = s["agency"]
            row = dict.fromkeys(header, "")
            row["Source"] = SOURCES[src]
            row["Site name"] = name_variant(s, src)
            addr = s["alt_addr"] if (s["alt_addr"] and src == "DCFS") else s["addr"]
            ad = addr_variant(addr, src)
            zp = s["zip"]
            if src == "DCFS" and chance(rng, 0.35):
                zp = zp + "-" + s["zip4"]
            zip_p = {"CPS": 0.93, "DFSS": 0.0, "DCFS": 0.97, "PB": 0.45}[src]
            if src == "PB" and chance(rng, 0.4):
                ad = ad + rng.choice([", Chicago, IL ", " Chicago IL ", ", Chicago IL "]) + (zp if chance(rng, 0.8) else "")
                zip_p = 0.15
            row["Address"] = ad
            if chance(rng, zip_p):
                row["Zip"] = zp
            # phone: DFSS often gives the agency's central intake number for every site
            if a and src == "DFSS" and chance(rng, 0.45):
                ph = a["central"]
            elif s["alt_phone"] and chance(rng, 0.5):
                ph = s["alt_phone"]
            else:
                ph = s["phone"]
            if not chance(rng, {"CPS": 0.04, "DFSS": 0.06, "DCFS": 0.03, "PB": 0.12}[src]):
                row["Phone"] = phone_variant(ph, src)
            if s["fax"] and src in ("DFSS", "DCFS", "CPS") and chance(rng, 0.6):
                row["Fax"] = phone_variant(s["fax"], src)
            if src in ("DFSS", "PB") and s["email"] and chance(rng, 0.75):
                e = s["email"]
                if chance(rng, 0.1):
                    e = e.upper() if chance(rng, 0.3) else e[0].upper() + e[1:]
                row["Email Address"] = e
            if src in ("CPS", "PB") and s["website"] and chance(rng, 0.8):
                row["Website"] = s["website"]
            if src in ("CPS", "DFSS", "DCFS") and chance(rng, 0.85):
                dname = s["director"] if src != "DCFS" else s["director2"]
                row["Director"] = dname.upper() if src == "DCFS" else dname
            if a and src in ("DFSS", "DCFS"):
                row["Executive Director"] = a["exec"]
            if a and src in ("DFSS", "CPS", "PB") and chance(rng, 0.9):
                row["Agency"] = a["legal"] if chance(rng, 0.6) else a["short"]
            elif s["kind"] == "school" and src == "CPS":
                row["Agency"] = "Chicago Public Schools"
            if src in ("CPS", "DFSS", "PB") and chance(rng, 0.8):
                nbn = s["neigh"][0]
                row["Neighborhood"] = nbn.upper() if src == "DFSS" else nbn
            if src == "CPS":
                row["Community Area"] = str(s["neigh"][1])
                row["Ward"] = str(s["ward"])
            if src in ("CPS", "DFSS"):
                progs = programs_by_src[src]
                used = prog_used.setdefault(src, [])
                choices = [p for p in progs if p not in used] or progs
                prog = rng.choice(choices)
                used.append(prog)
                row["Program Name"] = prog[0]
                row["Length of Day"] = rng.choice(["Full Day", "Half Day", "Part Day", "Full Day (6 hrs)", "FD", "HD"])
                row["Funded Enrollment"] = str(rng.choice([17, 20, 34, 40, 51, 60, 68, 80, 102, 120]))
                row["Funding Code"] = prog[1] + "-" + rng.choice(["FD", "HD", "PD"])
            if src == "DFSS" and a:
                row["Grantee ID"] = a["grantee"]
            if src == "CPS" and s["cps_id"]:
                row["CPS School ID"] = s["cps_id"]
            if src == "DCFS":
                row["License #"] = s["license"]
                row["Day Care Capacity"] = str(s["capacity"])
                row["Ages Served"] = s["ages"]
            if src == "PB":
                row["Purple binder service type"] = rng.choice(["Child Care", "Early Childhood Education",
                                                                "Child Care; After School", "Preschool",
                                                                "Early Head Start", "Family Support"])
                row["Hours of Operation"] = s["hours"]
                row["Languages"] = s["langs"]
            if src in ("DCFS", "PB"):
                row["Accepts CCAP"] = s["ccap"]
            if src in ("CPS", "PB"):
                row["Latitude"] = "%.6f" % (s["lat"] + rng.uniform(-0.0004, 0.0004))
                row["Longitude"] = "%.6f" % (s["lon"] + rng.uniform(-0.0004, 0.0004))
            row["Last Updated"] = updated[src]
            if chance(rng, 0.06):
                row["Column"] = rng.choice(["x", "X", "dup?", "closed?", "call back", "see email", "new 2019", "1"])
            if chance(rng, 0.02):
                row["Column2"] = rng.choice(["x", "verify address", "moved?", "0"])
            rows.append(([row[h] for h in header], eid))
    return header, rows, rng


# --------------------------------------------------------------------------------------------
# 2. historical: a Wikidata-style register of people born 1600-1900 in Britain
# --------------------------------------------------------------------------------------------

MALE_FIRST = {
    "william": ["wm.", "willm.", "will", "guillelmus"], "john": ["jno.", "jon", "johannes", "jn."],
    "thomas": ["thos.", "tho.", "thomass"], "james": ["jas.", "jacobus", "jams"], "george": ["geo.", "georg"],
    "charles": ["chas.", "charls", "chs."], "henry": ["hen.", "henery", "harry", "henrie"],
    "richard": ["richd.", "ric.", "rich."], "robert": ["robt.", "rob.", "robart"], "edward": ["edw.", "edwd.", "ed."],
    "joseph": ["jos.", "josephus"], "samuel": ["saml.", "sam.", "samuell"], "francis": ["fras.", "frans.", "frances"],
    "edmund": ["edmond", "edmd."], "frederick": ["fredk.", "frederic", "fredrick"], "benjamin": ["benj.", "benjn."],
    "daniel": ["danl.", "daniell"], "nathaniel": ["nathl.", "nathaniell", "nathanael"],
    "christopher": ["xtopher", "christr.", "kit"], "matthew": ["mathew", "matt.", "mathewe"],
    "stephen": ["steven", "stephan"], "philip": ["phillip", "phil.", "phillipp"], "alexander": ["alexr.", "alex.", "alisander"],
    "andrew": ["andw.", "andrewe"], "hugh": ["hew", "hugo"], "walter": ["walt.", "gualter"], "arthur": ["arthure"],
    "ralph": ["raphe", "rafe", "raufe"], "humphrey": ["humfrey", "humphry"], "anthony": ["antony", "anth."],
    "nicholas": ["nicolas", "nichs.", "nicholaus"], "jonathan": ["jonathon", "jonathn"], "peter": ["petrus"],
    "michael": ["micheal", "michl."], "david": ["davyd", "dafydd"], "owen": ["owain"], "evan": ["ifan", "evans"],
    "griffith": ["gruffydd", "griffeth"], "roger": ["rogier"], "gilbert": ["gilbt."], "isaac": ["isaack", "isack"],
    "abraham": ["abram"], "jeremiah": ["jeremy", "jerimiah"], "josiah": ["josias"], "ebenezer": ["ebenezar"],
    "zachariah": ["zachary", "zacharias"], "archibald": ["archd.", "archibold"], "duncan": [], "patrick": ["patk."],
    "lawrence": ["laurence", "lawrance"], "herbert": [], "horatio": ["horace"], "augustus": ["augt."],
    "septimus": [], "alfred": ["alfd."], "oliver": [], "simon": ["symon"], "edwin": [], "cuthbert": [],
}
FEMALE_FIRST = {
    "mary": ["marie", "maria"], "elizabeth": ["elisabeth", "eliza", "eliz.", "elizth."], "ann": ["anne", "anna"],
    "sarah": ["sara"], "jane": ["jean", "jayne"], "margaret": ["margret", "margt.", "margaretta"],
    "catherine": ["katherine", "catharine", "kathryn", "cath."], "frances": ["francis"], "dorothy": ["dorothea"],
    "susanna": ["susannah", "susan"], "charlotte": [], "emily": ["emilie", "emilia"], "alice": ["alys", "alicia"],
    "isabella": ["isabel", "isobel"], "eleanor": ["elinor", "elianor"], "harriet": ["harriett", "harriot"],
    "caroline": ["carolina"], "louisa": ["louise"], "martha": [], "rebecca": ["rebekah"], "lucy": ["lucie"],
    "amelia": [], "georgiana": ["georgina"], "agnes": [], "joan": ["joane", "johanna"], "grace": [],
    "judith": [], "christiana": ["christian", "christina"], "hester": ["esther"], "bridget": ["bridgett", "brigid"],
    "florence": [], "edith": [], "ada": [], "emma": [], "anne": ["ann"], "augusta": [], "helen": ["ellen"],
}
SURNAMES = {
    "smith": ["smyth", "smythe"], "brown": ["browne"], "clark": ["clarke"], "cook": ["cooke"], "green": ["greene"],
    "thompson": ["thomson"], "phillips": ["philips"], "matthews": ["mathews"], "reid": ["reed", "read"],
    "gray": ["grey"], "moore": ["more", "moor"], "jones": ["johnes"], "davies": ["davis"], "evans": ["evens"],
    "harris": ["harries"], "lloyd": ["loyd", "floyd"], "hughes": ["hewes"], "stewart": ["stuart"],
    "macdonald": ["mcdonald"], "mackenzie": ["mckenzie"], "campbell": ["cambell"], "bailey": ["baillie", "baily"],
    "fitzgerald": ["fitz gerald"], "wyndham": ["windham"], "seymour": ["seymer"], "russell": ["russel"],
    "neville": ["nevill", "nevile"], "spencer": ["spenser"], "white": ["whyte"], "wild": ["wilde"], "sykes": ["sikes"],
    "kay": ["kaye"], "fowkes": ["foulkes", "foulks"], "price": ["pryce", "pryse"], "vaughan": ["vaughn"],
    "lewis": ["lewes"], "taylor": ["tailor", "taylour"], "barnard": ["bernard"], "howard": [], "percy": ["percey"],
    "cavendish": [], "herbert": [], "villiers": [], "hall": [], "walker": [], "wright": [], "wood": ["woods"],
    "hill": [], "turner": [], "jackson": [], "robinson": ["robison"], "wilson": ["willson"], "johnson": ["johnstone"],
    "roberts": ["robarts"], "edwards": ["edwardes"], "hughson": [], "lee": ["leigh", "lea"], "allen": ["allan", "alleyn"],
    "harrison": [], "martin": [], "young": [], "king": [], "baker": [], "morgan": [], "bell": [], "cooper": [],
    "ward": [], "watson": [], "parker": [], "bennett": ["bennet"], "carter": [], "shaw": ["shawe"], "fletcher": [],
    "gibson": [], "marshall": ["marshal"], "owen": ["owens"], "pitt": [], "pelham": [], "grenville": ["greville"],
    "stanhope": [], "temple": [], "walpole": [], "dundas": [], "murray": ["murry"], "graham": ["graeme"],
    "hamilton": [], "douglas": ["douglass"], "montagu": ["montague"], "lowther": [], "curzon": [], "ashley": [],
    "coke": [], "townshend": ["townsend"], "fane": [], "bertie": [], "somerset": [], "talbot": [], "paget": [],
    "egerton": [], "lambton": [], "grosvenor": [], "bligh": [], "parry": ["parrie"], "rees": ["reese", "rhys"],
    "jenkins": ["jenkyns"], "morris": ["morice"], "powell": ["powel"], "hopkins": [], "bowen": [], "pugh": [],
    "gough": ["goff"], "kerr": ["carr", "ker"], "scott": ["scot"], "ross": [], "fraser": ["frazer"],
    "anderson": [], "paterson": ["patterson"], "crawford": [], "forbes": [], "gordon": [], "hay": ["hey"],
    "dickens": [], "austen": ["austin"], "turnbull": [], "cotton": [], "burton": [], "dalton": [], "ferrers": [],
    "pelham-clinton": ["clinton"], "vane-tempest": ["vane"], "wellesley": ["wesley"], "lyttelton": ["littleton"],
    "hervey": ["harvey"], "stopford": [], "fortescue": [], "acland": [], "courtenay": ["courtney"],
    "trevelyan": [], "pole": [], "carew": ["carey"], "chichester": [], "rolle": [], "strode": [],
}
# place, postcode area, district range, weight, alternative names of the same place
PLACES = [
    ("westminster", "SW1", None, 6, ["london", "city of westminster"]),
    ("marylebone", "W1", None, 3, ["london", "st marylebone"]),
    ("southwark", "SE1", None, 3, ["london"]), ("holborn", "WC1", None, 2, ["london"]),
    ("islington", "N1", None, 2, ["london"]), ("hackney", "E8", None, 2, ["london"]),
    ("city of london", "EC2", None, 3, ["london"]), ("kensington", "W8", None, 2, ["london"]),
    ("chelsea", "SW3", None, 2, ["london"]), ("st pancras", "NW1", None, 1, ["london", "saint pancras"]),
    ("greenwich", "SE10", None, 1, ["london"]), ("london", "EC4", None, 8, ["city of london"]),
    ("edinburgh", "EH", (1, 17), 5, ["leith"]), ("glasgow", "G", (1, 53), 3, []),
    ("dublin", "BT", (1, 9), 1, []), ("bristol", "BS", (1, 16), 3, ["clifton"]),
    ("bath", "BA", (1, 2), 2, ["bath, somerset"]), ("york", "YO", (1, 32), 2, ["city of york"]),
    ("norwich", "NR", (1, 14), 2, []), ("oxford", "OX", (1, 4), 2, []), ("cambridge", "CB", (1, 5), 2, []),
    ("exeter", "EX", (1, 4), 2, []), ("plymouth", "PL", (1, 9), 2, ["stonehouse"]),
    ("newcastle upon tyne", "NE", (1, 15), 2, ["newcastle", "newcastle-upon-tyne"]),
    ("sheffield", "S", (1, 36), 2, []), ("nottingham", "NG", (1, 11), 2, []), ("leicester", "LE", (1, 5), 1, []),
    ("coventry", "CV", (1, 6), 1, []), ("canterbury", "CT", (1, 4), 1, []), ("brighton", "BN", (1, 3), 1, ["brighthelmstone"]),
    ("durham", "DH", (1, 1), 1, ["city of durham"]), ("lincoln", "LN", (1, 6), 1, []),
    ("shrewsbury", "SY", (1, 5), 1, []), ("chester", "CH", (1, 4), 1, []), ("derby", "DE", (1, 24), 1, []),
    ("ipswich", "IP", (1, 4), 1, []), ("colchester", "CO", (1, 4), 1, []), ("reading", "RG", (1, 4), 1, []),
    ("southampton", "SO", (14, 19), 1, []), ("portsmouth", "PO", (1, 6), 2, ["portsea"]),
    ("worcester", "WR", (1, 5), 1, []), ("gloucester", "GL", (1, 4), 1, []), ("hereford", "HR", (1, 4), 1, []),
    ("carlisle", "CA", (1, 3), 1, []), ("lancaster", "LA", (1, 2), 1, []), ("preston", "PR", (1, 2), 1, []),
    ("liverpool", "L", (1, 25), 3, []), ("manchester", "M", (1, 40), 3, ["salford"]),
    ("birmingham", "B", (1, 45), 3, ["aston"]), ("leeds", "LS", (1, 28), 2, []), ("halifax", "HX", (1, 3), 1, []),
    ("kingston upon hull", "HU", (1, 9), 1, ["hull"]), ("dundee", "DD", (1, 5), 1, []),
    ("aberdeen", "AB", (10, 25), 1, []), ("inverness", "IV", (1, 3), 1, []), ("swansea", "SA", (1, 8), 1, []),
    ("cardiff", "CF", (10, 24), 1, ["llandaff"]), ("wrexham", "LL", (11, 14), 1, []),
    ("st albans", "AL", (1, 4), 1, ["saint albans", "st. albans"]), ("king's lynn", "PE", (30, 34), 1, ["kings lynn", "lynn"]),
    ("bury st edmunds", "IP", (28, 33), 1, ["bury st. edmunds", "bury"]),
    ("stratford-upon-avon", "CV", (37, 37), 1, ["stratford upon avon", "stratford"]),
    ("salisbury", "SP", (1, 2), 1, ["new sarum"]), ("winchester", "SO", (22, 23), 1, []),
    ("truro", "TR", (1, 4), 1, []), ("whitby", "YO", (21, 22), 1, []), ("kendal", "LA", (8, 9), 1, []),
    ("taunton", "TA", (1, 3), 1, []), ("northampton", "NN", (1, 7), 1, []), ("belfast", "BT", (1, 17), 1, []),
    ("wolverhampton", "WV", (1, 14), 1, []), ("stoke-on-trent", "ST", (1, 4), 1, ["stoke upon trent", "burslem"]),
    ("sunderland", "SR", (1, 6), 1, ["bishopwearmouth"]), ("darlington", "DL", (1, 3), 1, []),
    ("dorchester", "DT", (1, 2), 1, []), ("greenock", "PA", (15, 16), 1, []), ("perth", "PH", (1, 2), 1, []),
]
OCCUPATIONS = [
    ("politician", ["member of parliament", "mp", "statesman"]), ("priest", ["anglican priest", "clergyman", "cleric"]),
    ("painter", ["artist", "portrait painter"]), ("writer", ["author", "novelist"]),
    ("military officer", ["army officer", "soldier"]), ("naval officer", ["royal navy officer", "sailor"]),
    ("cricketer", ["cricket player"]), ("composer", ["musician", "organist"]), ("physician", ["surgeon", "doctor"]),
    ("architect", ["surveyor"]), ("engineer", ["civil engineer"]), ("poet", ["writer"]), ("actor", ["stage actor"]),
    ("judge", ["barrister", "lawyer"]), ("merchant", ["businessperson"]), ("botanist", ["naturalist"]),
    ("banker", ["financier"]), ("antiquarian", ["historian"]), ("astronomer", ["mathematician"]),
    ("sculptor", ["artist"]), ("landowner", ["aristocrat"]), ("schoolteacher", ["teacher"]),
    ("missionary", ["priest"]), ("industrialist", ["manufacturer"]), ("explorer", ["naval officer"]),
    ("printmaker", ["engraver"]), ("philosopher", ["theologian"]), ("footballer", ["association football player"]),
]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def historical_set(seed):
    rng = random.Random(f"{seed}:historical")

    def make_postcode(place):
        _, area, rng_d, _, _ = place
        if rng_d is None:
            out = area
            if area in ("SW1", "W1", "EC2", "EC4", "WC1") and chance(rng, 0.5):
                out = area + rng.choice("ABEHPWXY")
        else:
            out = area + str(rng.randint(*rng_d))
        return out + " " + str(rng.randint(1, 9)) + rng.choice(INWARD) + rng.choice(INWARD)

    people = []
    n_people = 600
    male_names = list(MALE_FIRST)
    female_names = list(FEMALE_FIRST)
    surnames = list(SURNAMES)
    sur_w = [(s, 12 if i < 12 else (4 if i < 40 else 1)) for i, s in enumerate(surnames)]
    place_w = [(p, p[3]) for p in PLACES]
    occ_w = [(o, 1) for o in OCCUPATIONS]
    while len(people) < n_people:
        father = rng.choice(people) if people and chance(rng, 0.1) else None
        if father and father["gender"] == "male" and father["year"] < 1870:
            gender = "male" if chance(rng, 0.8) else "female"
            surname = father["surname"]
            place = father["place"] if chance(rng, 0.7) else wchoice(rng, place_w)
            year = father["year"] + rng.randint(22, 40)
            if gender == "male" and chance(rng, 0.55):
                first = father["first"]
            else:
                first = rng.choice(male_names if gender == "male" else female_names)
        else:
            gender = "male" if chance(rng, 0.85) else "female"
            surname = wchoice(rng, sur_w)
            place = wchoice(rng, place_w)
            year = wchoice(rng, [(rng.randint(1600, 1699), 15), (rng.randint(1700, 1799), 30), (rng.randint(1800, 1899), 55)])
            first = rng.choice(male_names if gender == "male" else female_names)
        names = male_names if gender == "male" else female_names
        middles = []
        r = rng.random()
        if r < 0.33:
            middles = [rng.choice(names) if chance(rng, 0.55) else rng.choice(surnames)]
        elif r < 0.40:
            middles = [rng.choice(names), rng.choice(surnames)]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        occ = wchoice(rng, occ_w)
        people.append({
            "gender": gender, "first": first, "middles": [m for m in middles if m != first], "surname": surname,
            "year": year, "month": month, "day": day, "place": place, "postcode": make_postcode(place),
            "occ": occ, "sir": gender == "male" and chance(rng, 0.06),
            "year_only": chance(rng, 0.1),
        })

    def first_variant(p):
        f = p["first"]
        table = MALE_FIRST if p["gender"] == "male" else FEMALE_FIRST
        if chance(rng, 0.12) and table.get(f):
            f = rng.choice(table[f])
        if chance(rng, 0.04):
            f = f[0] + "."
        if chance(rng, 0.05):
            f = typo(rng, f)
        return f

    def surname_variant(p):
        s = p["surname"]
        if chance(rng, 0.1) and SURNAMES.get(s):
            s = rng.choice(SURNAMES[s])
        if chance(rng, 0.05):
            s = typo(rng, s)
        return s

    def dob_variant(p):
        y, m, d = p["year"], p["month"], p["day"]
        if p["year_only"]:
            m, d = 1, 1
        r = rng.random()
        if r < 0.08:
            return ""
        if r < 0.16:  # year precision in the source: Wikidata's YYYY-01-01
            return "%04d-01-01" % y
        date = dt.date(y, m, d)
        if r < 0.22 and y < 1753:  # Old Style (Julian) date vs New Style
            date = date - dt.timedelta(days=10 if y < 1700 else 11)
            if date.month <= 3 and date.day < 25 and chance(rng, 0.5):
                date = date.replace(year=date.year - 1)
        s = date.isoformat()
        r2 = rng.random()
        if r2 < 0.04 and date.day <= 12:
            s = "%04d-%02d-%02d" % (date.year, date.day, date.month)
        elif r2 < 0.09:
            s = s[:2] + digit_typo(rng, s[2:])
            try:
                dt.date.fromisoformat(s)
            except ValueError:
                s = date.isoformat()
        elif r2 < 0.12:
            s = "%04d" % (date.year + rng.choice([-1, 1])) + s[4:]
        return s

    def place_variant(p):
        name, _, _, _, alts = p["place"]
        r = rng.random()
        if r < 0.10:
            return ""
        if r < 0.22 and alts:
            return rng.choice(alts)
        if r < 0.26:
            return wchoice(rng, place_w)[0]  # a source claiming another birthplace
        if r < 0.29:
            return typo(rng, name)
        return name

    def postcode_variant(p):
        pc = p["postcode"]
        r = rng.random()
        if r < 0.10:
            return ""
        if r < 0.28:
            pc = pc.split(" ")[0] + " " + str(rng.randint(1, 9)) + rng.choice(INWARD) + rng.choice(INWARD)
        elif r < 0.32:
            pc = pc[:-2] + pc[-1] + pc[-2]
        if chance(rng, 0.06):
            pc = pc.replace(" ", "")
        return pc.lower() if chance(rng, 0.85) else pc

    header = ["unique_id", "full_name", "first_and_surname", "first_name", "surname", "dob", "birth_place",
              "postcode_fake", "gender", "occupation"]
    rows = []
    for idx, p in enumerate(people):
        eid = "person%04d" % (idx + 1)
        n = 1
        while n < 14 and chance(rng, 0.715):
            n += 1
        for _ in range(n):
            f = first_variant(p)
            s = surname_variant(p)
            mids = list(p["middles"])
            if mids:
                r = rng.random()
                if r < 0.3:
                    mids = []
                elif r < 0.45:
                    mids = [m[0] + "." if chance(rng, 0.5) else m[0] for m in mids]
                elif r < 0.5:
                    mids = mids[:1]
            full = " ".join([f] + mids + [s])
            if p["sir"] and chance(rng, 0.3):
                full = "sir " + full
            fs = f"{f} {s}"
            fn, sn = f, s
            if chance(rng, 0.04):
                fn = ""
            if chance(rng, 0.03):
                sn = ""
            if chance(rng, 0.02):
                fn, sn = sn, fn
            if chance(rng, 0.02):
                full = ""
            gender = p["gender"] if not chance(rng, 0.08) else ""
            occ = p["occ"]
            r = rng.random()
            occupation = occ[0] if r < 0.6 else (rng.choice(occ[1]) if r < 0.78 else "")
            cells = [full, fs, fn, sn, dob_variant(p), place_variant(p), postcode_variant(p), gender, occupation]
            if chance(rng, 0.12):  # some source pages keep capitals
                cells = [title(c) if i < 4 or i == 5 else c for i, c in enumerate(cells)]
            rows.append((cells, eid))
    # unique_id: the register's own row id, assigned after shuffling so it carries no cluster
    rng.shuffle(rows)
    ids = list(range(len(rows)))
    rng.shuffle(ids)
    rows = [([str(100000 + i)] + cells, eid) for i, (cells, eid) in zip(ids, rows)]
    return header, rows, rng


# --------------------------------------------------------------------------------------------
# 3. members: a UK club's membership spreadsheet (renewals re-entered as new members)
# --------------------------------------------------------------------------------------------

UK_TOWNS = [
    ("Guildford", ["GU1", "GU2", "GU4"], "01483", ["Merrow", "Burpham", "Stoughton", "Onslow Village", "Shalford", "Bellfields"]),
    ("Woking", ["GU21", "GU22"], "01483", ["Horsell", "Knaphill", "Old Woking", "Goldsworth Park", "St Johns"]),
    ("Godalming", ["GU7"], "01483", ["Farncombe", "Busbridge", "Milford"]),
    ("Farnham", ["GU9", "GU10"], "01252", ["Hale", "Badshot Lea", "Rowledge", "Wrecclesham"]),
    ("Cranleigh", ["GU6"], "01483", ["Ewhurst"]),
    ("Dorking", ["RH4", "RH5"], "01306", ["Westcott", "Brockham", "Mickleham"]),
    ("Leatherhead", ["KT22", "KT23"], "01372", ["Fetcham", "Great Bookham", "Ashtead"]),
    ("Epsom", ["KT17", "KT18", "KT19"], "01372", ["Ewell", "Stoneleigh", "Epsom Downs"]),
    ("Reigate", ["RH2"], "01737", ["Woodhatch", "South Park"]),
    ("Redhill", ["RH1"], "01737", ["Merstham", "Earlswood", "Nutfield"]),
    ("Camberley", ["GU15", "GU16"], "01276", ["Frimley", "Heatherside", "Old Dean"]),
    ("Haslemere", ["GU27"], "01428", ["Grayswood", "Shottermill"]),
]
UK_STREET_FIXED = ["Church Road", "Station Road", "High Street", "London Road", "Manor Road", "Park Road",
                   "Victoria Road", "The Street", "Mill Lane", "Queens Road", "Kings Road", "Orchard Close",
                   "Meadow Way", "Beech Grove", "Oak Avenue", "Elm Drive", "Willow Crescent", "Chestnut Avenue",
                   "The Green", "School Lane", "Green Lane", "Farm Close", "Springfield Road", "York Road",
                   "Grove Road", "New Road", "Portsmouth Road", "Epsom Road", "Woodbridge Road", "Ash Grove"]
UK_STREET_SUFFIX = ["Close", "Gardens", "Way", "Drive", "Road", "Avenue", "Lane", "Crescent", "Court", "Place", "Rise"]
UK_ABBR = {"Road": ["Rd", "Rd.", "road"], "Street": ["St", "St."], "Avenue": ["Ave", "Av."], "Close": ["Cl", "Cl."],
           "Drive": ["Dr", "Dr."], "Lane": ["Ln", "La."], "Crescent": ["Cres", "Cresc."], "Gardens": ["Gdns", "Gdns."],
           "Court": ["Ct", "Crt"], "Place": ["Pl"], "Grove": ["Gr", "Gro."]}
BUILDINGS = ["Mulberry Court", "Albion House", "Beech House", "Kingfisher Court", "Regent Court", "The Maltings",
             "Wey House", "Riverside Court", "Abbey Mews", "Castle Court"]
NICK = {
    "William": ["Bill", "Will", "Billy"], "Robert": ["Bob", "Rob", "Bobby"], "Elizabeth": ["Liz", "Beth", "Lizzie"],
    "Michael": ["Mike", "Mick"], "Christopher": ["Chris"], "Matthew": ["Matt"], "Daniel": ["Dan", "Danny"],
    "Joseph": ["Joe"], "Thomas": ["Tom", "Tommy"], "James": ["Jim", "Jamie", "Jimmy"], "Richard": ["Rich", "Dick", "Ricky"],
    "Katherine": ["Kate", "Kathy"], "Catherine": ["Cath", "Kate", "Cathy"], "Margaret": ["Maggie", "Peggy", "Meg"],
    "Susan": ["Sue", "Susie"], "Patricia": ["Pat", "Trish"], "Deborah": ["Debbie", "Deb"], "Rebecca": ["Becky", "Becca"],
    "Samantha": ["Sam"], "Alexander": ["Alex", "Sandy"], "Jonathan": ["Jon", "Jonny"], "Nicholas": ["Nick"],
    "Anthony": ["Tony"], "Andrew": ["Andy", "Drew"], "Benjamin": ["Ben"], "Edward": ["Ed", "Ted", "Eddie"],
    "Stephen": ["Steve"], "Steven": ["Steve"], "Timothy": ["Tim"], "Victoria": ["Vicky", "Tori"], "Jessica": ["Jess"],
    "Gregory": ["Greg"], "Jeffrey": ["Jeff"], "Kenneth": ["Ken", "Kenny"], "Ronald": ["Ron"], "Donald": ["Don"],
    "Douglas": ["Doug"], "Gerald": ["Gerry"], "Peter": ["Pete"], "Raymond": ["Ray"], "Samuel": ["Sam"],
    "Abigail": ["Abby", "Abi"], "Alexandra": ["Alex", "Sandra"], "Amanda": ["Mandy"], "Christine": ["Chris", "Chrissie"],
    "Dorothy": ["Dot", "Dotty"], "Eleanor": ["Ellie", "Nell"], "Frances": ["Fran"], "Gillian": ["Gill", "Jill"],
    "Jacqueline": ["Jackie"], "Judith": ["Judy"], "Kathleen": ["Kath", "Kathy"], "Pamela": ["Pam"], "Philip": ["Phil"],
    "Phillip": ["Phil"], "Sandra": ["Sandy"], "Valerie": ["Val"], "Jennifer": ["Jen", "Jenny"], "Joshua": ["Josh"],
    "Zachary": ["Zach"], "Lawrence": ["Larry", "Laurie"], "Kimberly": ["Kim"], "Cynthia": ["Cindy"],
    "Charlotte": ["Charlie", "Lottie"], "Charles": ["Charlie", "Chas"], "Harold": ["Harry"], "Henry": ["Harry"],
    "David": ["Dave"], "Nathan": ["Nate"], "Frederick": ["Fred", "Freddie"], "Josephine": ["Jo", "Josie"],
    "Joanne": ["Jo"], "Angela": ["Angie"], "Barbara": ["Babs"], "Teresa": ["Tess", "Terri"], "Leonard": ["Len"],
    "Terence": ["Terry"], "Geoffrey": ["Geoff"], "Malcolm": ["Mal"], "Stuart": ["Stu"], "Gareth": ["Gaz"],
    "Natalie": ["Nat"], "Caroline": ["Caz", "Carrie"], "Hannah": ["Han"], "Emily": ["Em"], "Oliver": ["Ollie"],
}
UK_MAIL = [("gmail.com", 6), ("hotmail.co.uk", 4), ("yahoo.co.uk", 3), ("btinternet.com", 3), ("outlook.com", 2),
           ("sky.com", 2), ("aol.com", 1), ("virginmedia.com", 1), ("talktalk.net", 1), ("icloud.com", 1),
           ("ntlworld.com", 1), ("live.co.uk", 1)]


def email_local(rng, first, last, year):
    f, l = first.lower().replace("'", "").replace(" ", ""), last.lower().replace("'", "").replace(" ", "").replace("-", "")
    yy = str(year)[-2:]
    return wchoice(rng, [(f"{f}.{l}", 5), (f"{f}{l}", 2), (f"{f[0]}{l}", 3), (f"{f[0]}.{l}", 2), (f"{l}{f[0]}", 1),
                         (f"{f}{l}{yy}", 2), (f"{f}_{l}", 1), (f"{f}{yy}", 1), (f"{l}.{f}", 1),
                         (f"{f}.{l}{rng.randint(1, 99)}", 1)])


def members_set(seed):
    rng = random.Random(f"{seed}:members")
    fake = seeded_faker("en_GB", rng)
    pool = NumberPool(rng)
    this_year = 2024

    def new_address():
        town = rng.choice(UK_TOWNS)
        if chance(rng, 0.45):
            street = rng.choice(UK_STREET_FIXED)
        else:
            street = f"{fake.last_name()} {rng.choice(UK_STREET_SUFFIX)}"
        flat = building = None
        if chance(rng, 0.12):
            flat = str(rng.randint(1, 24))
            building = rng.choice(BUILDINGS)
        num = rng.randint(1, 180)
        locality = rng.choice(town[3]) if chance(rng, 0.45) else ""
        pc = rng.choice(town[1]) + " " + str(rng.randint(1, 9)) + rng.choice(INWARD) + rng.choice(INWARD)
        tel = pool.uk_landline(town[2]) if chance(rng, 0.75) else None
        return {"town": town[0], "flat": flat, "building": building, "num": num, "street": street,
                "locality": locality, "postcode": pc, "tel": tel}

    def dob_for(kind):
        if kind == "junior":
            y = rng.randint(2006, 2016)
        elif kind == "senior":
            y = rng.randint(1935, 1958)
        else:
            y = rng.randint(1950, 2003)
        return dt.date(y, rng.randint(1, 12), rng.randint(1, 28))

    def gender_first(g):
        return fake.first_name_male() if g == "m" else fake.first_name_female()

    people = []  # each: person dict; households share 'home'
    target = 1100
    hh_id = 0
    while len(people) < target:
        hh_id += 1
        size = wchoice(rng, [(1, 60), (2, 25), (3, 10), (4, 5)])
        home = new_address()
        surname = fake.last_name()
        family_mail = None
        if size > 1 and chance(rng, 0.25):
            family_mail = rng.choice([f"the{surname.lower()}s", f"{surname.lower()}family", f"{surname.lower()}.family",
                                      f"{surname.lower()}{rng.randint(1, 99)}"]) + "@" + wchoice(rng, UK_MAIL)
        adults = min(size, 2) if size > 1 and chance(rng, 0.85) else 1
        g1 = rng.choice("mf")
        first_adult = None
        for k in range(size):
            if k == 0:
                g = g1
                kind = "senior" if chance(rng, 0.2) else "adult"
                dob = dob_for(kind)
            elif k == 1 and adults == 2:
                g = "f" if g1 == "m" else "m"
                if chance(rng, 0.1):
                    g = g1
                base = first_adult["dob"]
                dob = dt.date(min(2003, max(1935, base.year + rng.randint(-6, 6))), rng.randint(1, 12), rng.randint(1, 28))
                kind = "senior" if dob.year < 1959 else "adult"
            else:
                g = rng.choice("mf")
                kind = "junior" if chance(rng, 0.7) else "adult"
                base = first_adult["dob"].year
                y = min(2016, base + rng.randint(24, 38))
                dob = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
                kind = "junior" if y >= 2006 else "adult"
            first = gender_first(g)
            if k >= 2 and first_adult["g"] == g == "m" and chance(rng, 0.15):
                first = first_adult["first"]  # son named after his father, same address: hard negative
            middle = gender_first(g) if chance(rng, 0.3) else ""
            sur = surname
            maiden = None
            if g == "f" and k <= 1 and kind != "junior" and chance(rng, 0.2):
                maiden = fake.last_name()
            if k == 1 and chance(rng, 0.12):
                sur = fake.last_name()  # partner kept their own name
            email = None
            r = rng.random()
            mail_sur = maiden if (maiden and chance(rng, 0.6)) else sur
            if kind != "junior" or dob.year < 2009:
                if family_mail and r < 0.5:
                    email = family_mail
                elif r < 0.9:
                    email = email_local(rng, first, mail_sur, dob.year) + "@" + wchoice(rng, UK_MAIL)
            mobile = pool.uk_mobile() if (kind != "junior" or dob.year < 2010) and chance(rng, 0.85) else None
            p = {"hh": hh_id, "g": g, "first": first, "middle": middle, "surname": sur, "maiden": maiden,
                 "dob": dob, "kind": kind, "home": home, "email": email, "mobile": mobile}
            if k == 0:
                first_adult = p
            people.append(p)
    people = people[:target]

    def fmt_dob(d):
        r = rng.random()
        if r < 0.08:
            return ""
        if r < 0.72:
            return d.strftime("%d/%m/%Y")
        if r < 0.80:
            return f"{d.day}/{d.month}/{d.year}"
        if r < 0.86:
            return d.strftime("%d/%m/%y")
        if r < 0.89:
            return d.strftime("%d.%m.%Y")
        if r < 0.91:
            return d.isoformat()
        if r < 0.94 and d.day <= 12:
            return d.strftime("%m/%d/%Y")  # typed month-first
        return digit_typo(rng, d.strftime("%d/%m/%Y"))

    def street_text(street):
        words = street.split(" ")
        if words[-1] in UK_ABBR and chance(rng, 0.3):
            words[-1] = rng.choice(UK_ABBR[words[-1]])
        return " ".join(words)

    def render_address(home):
        st = street_text(home["street"])
        if chance(rng, 0.04):
            st = typo(rng, st)
        if home["flat"]:
            r = rng.random()
            if r < 0.4:
                a1, a2 = f"Flat {home['flat']}, {home['building']}", f"{home['num']} {st}"
            elif r < 0.7:
                a1, a2 = f"Flat {home['flat']} {home['building']}, {home['num']} {st}", home["locality"]
            else:
                a1, a2 = f"{home['flat']} {home['building']}", st
        else:
            sep = rng.choice([" ", " ", ", "]) if chance(rng, 0.1) else " "
            a1 = f"{home['num']}{sep}{st}"
            a2 = home["locality"] if chance(rng, 0.85) else ""
        town = home["town"]
        if chance(rng, 0.08):
            town = town.upper()
        if not a2 and home["locality"] and chance(rng, 0.2):
            town = f"{home['locality']}, {town}"
        pc = home["postcode"]
        r = rng.random()
        if r < 0.08:
            pc = ""
        elif r < 0.16:
            pc = pc.replace(" ", "")
        elif r < 0.22:
            pc = pc.lower()
        elif r < 0.25:
            pc = digit_typo(rng, pc)
        return a1, a2, town, pc

    def render_phone(d):
        if d is None:
            return ""
        if d.startswith("07"):
            st = wchoice(rng, [("std", 5), ("plain", 3), ("three", 2), ("intl", 1), ("nozero", 1), ("excel44", 1)])
        else:
            st = wchoice(rng, [("std", 6), ("plain", 2), ("three", 1), ("nozero", 1), ("split", 1)])
        return fmt_uk(d, st)

    header = ["Member No", "Surname", "Forename(s)", "Date of Birth (dd/mm/yyyy)", "Address 1", "Address 2", "Town",
              "Postcode", "Home Tel", "Mobile", "Email", "Joined", "Membership Type"]
    entries = []  # (joined date, cells-without-no, eid)
    for idx, p in enumerate(people):
        eid = "member%04d" % (idx + 1)
        extra = wchoice(rng, [(0, 70), (1, 24), (2, 5), (3, 1)])
        first_join = max(p["dob"].year + 5, rng.randint(1998, 2021))
        first_join = min(first_join, 2023)
        join = dt.date(first_join, rng.randint(1, 12), rng.randint(1, 28))
        state = dict(p)
        state["home"] = dict(p["home"])
        married = p["maiden"] is not None
        if married:
            state["surname"] = p["maiden"]  # older rows under the maiden name
        for e in range(extra + 1):
            if e > 0:
                join = join + dt.timedelta(days=rng.randint(300, 3600))
                if join.year > this_year:
                    join = dt.date(this_year, rng.randint(1, 11), rng.randint(1, 28))
                if married and state["surname"] == p["maiden"] and chance(rng, 0.7):
                    state["surname"] = p["surname"]
                if chance(rng, 0.22):  # moved house
                    new = new_address()
                    if chance(rng, 0.5):
                        new["town"] = state["home"]["town"]
                    state["home"] = new
                if chance(rng, 0.12):
                    state["email"] = email_local(rng, state["first"], state["surname"], p["dob"].year) + "@" + wchoice(rng, UK_MAIL)
                if chance(rng, 0.08):
                    state["mobile"] = pool.uk_mobile()
            # the entry as typed
            sur = state["surname"]
            if married and sur == p["surname"] and chance(rng, 0.15):
                sur = f"{sur} (née {p['maiden']})" if chance(rng, 0.7) else f"{sur} (nee {p['maiden']})"
            if chance(rng, 0.04):
                sur = typo(rng, sur)
            if chance(rng, 0.06):
                sur = sur.upper()
            fore = state["first"]
            r = rng.random()
            if r < 0.12 and fore in NICK and e > 0:
                fore = rng.choice(NICK[fore])
            elif r < 0.22 and p["middle"]:
                fore = f"{fore} {p['middle']}"
            elif r < 0.25 and p["middle"]:
                fore = f"{fore} {p['middle'][0]}"
            elif r < 0.28:
                fore = fore[0] if chance(rng, 0.5) else fore[0] + "."
            if chance(rng, 0.04):
                fore = typo(rng, fore)
            if chance(rng, 0.03):
                fore = fore.lower()
            a1, a2, town, pc = render_address(state["home"])
            home_tel = render_phone(state["home"]["tel"]) if not chance(rng, 0.12) else ""
            mobile = render_phone(state["mobile"]) if not chance(rng, 0.12) else ""
            email = state["email"] or ""
            if email and chance(rng, 0.08):
                email = ""
            elif email and chance(rng, 0.05):
                email = email[0].upper() + email[1:] if chance(rng, 0.6) else email.upper()
            elif email and chance(rng, 0.04):
                local, dom = email.split("@")
                email = typo(rng, local) + "@" + dom
            age = join.year - p["dob"].year
            mtype = "Junior" if age < 18 else ("Senior" if age >= 65 else rng.choice(["Full", "Full", "Full", "Associate", "Country"]))
            if state["hh"] and p["kind"] != "junior" and chance(rng, 0.15):
                mtype = "Family"
            if chance(rng, 0.02):
                mtype = "Life"
            if 18 <= age <= 24 and chance(rng, 0.4):
                mtype = "Student"
            jtxt = join.strftime("%d/%m/%Y") if chance(rng, 0.9) else join.strftime("%b %Y")
            cells = [sur, fore, fmt_dob(p["dob"]), a1, a2, town, pc, home_tel, mobile, email, jtxt, mtype]
            entries.append((join, rng.random(), cells, eid))
    entries.sort(key=lambda x: (x[0], x[1]))
    rows = []
    for no, (_, _, cells, eid) in enumerate(entries, 1001):
        rows.append(([str(no)] + cells, eid))
    return header, rows, rng


# --------------------------------------------------------------------------------------------
# 4. signups: a Google Form event sign-up sheet (several events, US/UK/CA attendees)
# --------------------------------------------------------------------------------------------

CO_FIRST = ["North", "Blue", "Bright", "Maple", "Harbour", "Summit", "Silver", "Red", "Granite", "Evergreen",
            "Pioneer", "Atlas", "Lumen", "Cedar", "Copper", "Orbit", "Beacon", "Keystone", "Clearwater", "Ironwood",
            "Crescent", "Falcon", "Meridian", "Oakridge", "Prairie", "Riverside", "Sterling", "Union", "Vantage",
            "Westbrook", "Kestrel", "Highland", "Lakeshore", "Bluebird", "Thistle", "Cobalt"]
CO_SECOND = ["Analytics", "Software", "Logistics", "Consulting", "Health", "Capital", "Labs", "Systems", "Media",
             "Energy", "Foods", "Partners", "Design", "Robotics", "Insurance", "Learning", "Networks", "Biotech",
             "Data", "Marketing", "Engineering", "Legal", "Financial", "Studios"]
CO_SUFFIX = {"US": ["Inc.", "LLC", "Corp.", "", "", "Group"], "GB": ["Ltd", "Ltd.", "Limited", "", "plc", "LLP"],
             "CA": ["Inc.", "Ltd.", "Corp.", "", "", "Canada"]}
JOBS = ["Software Engineer", "Product Manager", "Data Analyst", "Marketing Manager", "CEO", "CTO", "Founder",
        "Head of Operations", "Account Executive", "UX Designer", "Project Manager", "Student", "Consultant",
        "HR Business Partner", "Sales Director", "Research Scientist", "Developer", "Data Scientist",
        "Operations Manager", "Office Manager", "Director of Engineering", "VP Marketing", "Analyst", "Freelancer",
        "Teacher", "Nurse", "Accountant", "Community Manager", "Policy Advisor", "Solicitor", "Lawyer"]
JOB_VARIANTS = {"Software Engineer": ["software engineer", "SWE", "Sr. Software Engineer", "Engineer"],
                "Product Manager": ["PM", "product manager", "Senior Product Manager"],
                "Chief Executive Officer": ["CEO"], "CEO": ["Chief Executive Officer", "ceo", "Co-founder & CEO"],
                "CTO": ["Chief Technology Officer"], "Founder": ["Co-founder", "founder"],
                "Data Analyst": ["Analyst", "data analyst"], "Marketing Manager": ["Marketing", "marketing mgr"],
                "Developer": ["Web Developer", "dev"], "Data Scientist": ["data scientist", "ML Engineer"]}
MAIL_US = [("gmail.com", 8), ("yahoo.com", 3), ("hotmail.com", 2), ("outlook.com", 2), ("icloud.com", 2), ("aol.com", 1),
           ("comcast.net", 1)]
MAIL_GB = [("gmail.com", 6), ("hotmail.co.uk", 3), ("yahoo.co.uk", 2), ("btinternet.com", 2), ("outlook.com", 1),
           ("icloud.com", 1)]
MAIL_CA = [("gmail.com", 7), ("hotmail.com", 2), ("yahoo.ca", 2), ("rogers.com", 1), ("shaw.ca", 1), ("outlook.com", 1),
           ("sympatico.ca", 1)]
DOMAIN_TYPOS = {"gmail.com": ["gmial.com", "gmail.co", "gmai.com", "gmail.con", "gamil.com", "gnail.com"],
                "yahoo.com": ["yaho.com", "yahoo.co", "yhaoo.com"], "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"],
                "outlook.com": ["outlok.com", "outlook.co"], "hotmail.co.uk": ["hotmail.co", "hotmail.com", "hotmial.co.uk"],
                "yahoo.co.uk": ["yahoo.co", "yahoo.com"], "icloud.com": ["iclould.com", "icloud.co"],
                "btinternet.com": ["btinternet.co", "btinterent.com"]}
US_AREAS = ["212", "646", "718", "415", "510", "617", "312", "773", "206", "512", "303", "404", "305", "202", "213",
            "310", "503", "612", "215", "919"]
CA_AREAS = ["416", "647", "437", "604", "778", "514", "438", "403", "587", "613", "343", "902", "204", "780", "519"]


def signups_set(seed):
    rng = random.Random(f"{seed}:signups")
    fakes = {"US": seeded_faker("en_US", rng), "GB": seeded_faker("en_GB", rng), "CA": seeded_faker("en_CA", rng)}
    pool = NumberPool(rng)

    companies = []
    for i in range(420):
        c = wchoice(rng, [("US", 50), ("GB", 25), ("CA", 25)])
        base = f"{rng.choice(CO_FIRST)} {rng.choice(CO_SECOND)}"
        suffix = rng.choice(CO_SUFFIX[c])
        name = f"{base} {suffix}".strip()
        tld = {"US": ".com", "GB": rng.choice([".co.uk", ".com", ".io"]), "CA": rng.choice([".ca", ".com"])}[c]
        domain = base.lower().replace(" ", "") + tld
        office = pool.nanp(US_AREAS) if c == "US" else (pool.nanp(CA_AREAS) if c == "CA" else pool.uk_landline(rng.choice(["020", "0161", "0131", "0117", "0113"])))
        companies.append({"country": c, "name": name, "base": base, "domain": domain, "office": office})

    def company_variant(co):
        r = rng.random()
        if r < 0.6:
            return co["name"]
        if r < 0.75:
            return co["base"]
        if r < 0.85:
            return co["name"].lower()
        if r < 0.9:
            return co["base"].upper() if len(co["base"]) < 14 else co["base"] + " " + rng.choice(["Inc", "Ltd", "Co"])
        return typo(rng, co["name"])

    people = []
    for i in range(800):
        country = wchoice(rng, [("US", 50), ("GB", 25), ("CA", 25)])
        f = fakes[country]
        g = rng.choice("mf")
        first = f.first_name_male() if g == "m" else f.first_name_female()
        last = f.last_name()
        co = None
        if chance(rng, 0.75):
            same = [c for c in companies if c["country"] == country]
            co = rng.choice(same[: max(8, len(same) // 2)] if chance(rng, 0.5) else same)
        personal_dom = wchoice(rng, {"US": MAIL_US, "GB": MAIL_GB, "CA": MAIL_CA}[country])
        personal = email_local(rng, first, last, rng.randint(1965, 2002)) + "@" + personal_dom
        work = None
        if co:
            fl, ll = first.lower().replace("'", ""), last.lower().replace("'", "").replace(" ", "")
            work = wchoice(rng, [(f"{fl}.{ll}", 4), (f"{fl[0]}{ll}", 3), (fl, 1), (f"{fl}{ll[0]}", 1)]) + "@" + co["domain"]
        primary = work if (work and chance(rng, 0.55)) else personal
        alt = personal if primary == work else work
        if country == "GB":
            mobile = pool.uk_mobile()
        else:
            mobile = pool.nanp(US_AREAS if country == "US" else CA_AREAS)
        people.append({"country": country, "first": first, "last": last, "co": co, "email": primary, "alt": alt,
                       "mobile": mobile, "job": rng.choice(JOBS), "diet": wchoice(rng, [("none", 6), ("vegetarian", 2), ("vegan", 1), ("gluten", 1), ("halal", 1)])})

    events = [dt.datetime(2022, 3, 17), dt.datetime(2022, 6, 9), dt.datetime(2022, 9, 22), dt.datetime(2022, 11, 30),
              dt.datetime(2023, 2, 16), dt.datetime(2023, 5, 11), dt.datetime(2023, 9, 14), dt.datetime(2023, 11, 23)]

    def fmt_phone(p, number):
        if number.startswith("0"):
            return fmt_uk(number, wchoice(rng, [("std", 5), ("plain", 3), ("three", 2), ("dashed", 1)]))
        return fmt_nanp(number, wchoice(rng, [("paren", 4), ("dash", 4), ("dot", 2), ("plain", 2), ("space", 1)]))

    def name_variant(p):
        first, last = p["first"], p["last"]
        if chance(rng, 0.06) and first in NICK:
            first = rng.choice(NICK[first])
        if chance(rng, 0.05):
            if chance(rng, 0.5):
                first = typo(rng, first)
            else:
                last = typo(rng, last)
        r = rng.random()
        if r < 0.62:
            s = f"{first} {last}"
        elif r < 0.72:
            s = f"{last}, {first}"
        elif r < 0.82:
            s = f"{first} {last}".lower()
        elif r < 0.9:
            s = first if chance(rng, 0.8) else first.lower()
        elif r < 0.93:
            s = f"{first} {last}".upper()
        elif r < 0.97:
            s = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
        else:
            s = f"{first} {last[0]}."
        if chance(rng, 0.03):
            s = s + " "  # trailing space, as typed
        return s

    def email_variant(p):
        r = rng.random()
        e = p["email"]
        if r < 0.1 and p["alt"]:
            e = p["alt"]
        if chance(rng, 0.07):
            local, dom = e.split("@")
            if dom in DOMAIN_TYPOS and chance(rng, 0.6):
                dom = rng.choice(DOMAIN_TYPOS[dom])
            else:
                local = typo(rng, local, keep_first=False)
            e = local + "@" + dom
        if chance(rng, 0.06):
            e = e[0].upper() + e[1:]
        if chance(rng, 0.02):
            e = ""
        return e

    diet_text = {"none": ["None", "none", "N/A", "n/a", "No", "", "", "-"],
                 "vegetarian": ["Vegetarian", "vegetarian", "Veggie", "vegetarian please"],
                 "vegan": ["Vegan", "vegan", "Plant based"], "gluten": ["Gluten free", "Coeliac", "GF", "gluten-free"],
                 "halal": ["Halal", "halal", "No pork"]}
    heard = ["Twitter", "LinkedIn", "A colleague", "Newsletter", "Email", "Friend", "Meetup", "Google", "Slack community",
             "Previous event", "Instagram", "Word of mouth", "", "work"]
    header = ["Timestamp", "Your name", "Email address", "Phone number", "Company / organisation", "Job title",
              "Dietary requirements", "How did you hear about us?"]
    rows = []
    for idx, p in enumerate(people):
        eid = "attendee%04d" % (idx + 1)
        n = wchoice(rng, [(1, 64), (2, 23), (3, 9), (4, 3), (5, 1)])
        evs = sorted(rng.sample(range(len(events)), n))
        for k, ev in enumerate(evs):
            when = events[ev] - dt.timedelta(days=rng.randint(0, 40), seconds=rng.randint(0, 86399))
            ts = f"{when.month}/{when.day}/{when.year} {when.hour}:{when.minute:02d}:{when.second:02d}"
            phone = ""
            if not chance(rng, 0.18):
                number = p["mobile"]
                if p["co"] and chance(rng, 0.12):
                    number = p["co"]["office"]  # the office switchboard: shared with colleagues
                phone = fmt_phone(p, number)
            co = company_variant(p["co"]) if p["co"] and not chance(rng, 0.15) else ""
            if not p["co"] and chance(rng, 0.2):
                co = rng.choice(["Freelance", "Self-employed", "N/A", "none", "Student", "-", "University of Toronto",
                                 "King's College London", "NYU"])
            job = p["job"]
            if chance(rng, 0.15) and job in JOB_VARIANTS:
                job = rng.choice(JOB_VARIANTS[job])
            if chance(rng, 0.2):
                job = ""
            if k > 0 and chance(rng, 0.06):
                job = rng.choice(JOBS)  # changed job between events
            diet = rng.choice(diet_text[p["diet"]])
            cells = [ts, name_variant(p), email_variant(p), phone, co, job, diet, rng.choice(heard)]
            rows.append((cells, eid))
    return header, rows, rng


# --------------------------------------------------------------------------------------------
# 5. shops: shops and restaurants from two city guides
# --------------------------------------------------------------------------------------------

CITIES = {
    "Los Angeles": {"areas": ["310", "213", "323", "818"],
                    "munis": [("Los Angeles", 6, ["hollywood", "west la", "silver lake", "los feliz", "downtown la", "mid-wilshire"]),
                              ("Santa Monica", 3, []), ("Beverly Hills", 2, []), ("West Hollywood", 2, ["w. hollywood"]),
                              ("Pasadena", 2, []), ("Studio City", 1, []), ("Venice", 1, [])],
                    "streets": [("S", "La Cienega", "Blvd"), ("W", "Sunset", "Blvd"), ("", "Wilshire", "Blvd"),
                                ("", "Melrose", "Ave"), ("", "Santa Monica", "Blvd"), ("", "Ventura", "Blvd"),
                                ("", "Main", "St"), ("", "Montana", "Ave"), ("", "Beverly", "Blvd"), ("W", "3rd", "St"),
                                ("N", "Fairfax", "Ave"), ("W", "Pico", "Blvd"), ("W", "Olympic", "Blvd"),
                                ("", "Hollywood", "Blvd"), ("N", "Vermont", "Ave"), ("E", "Colorado", "Blvd"),
                                ("S", "Lake", "Ave"), ("", "Abbot Kinney", "Blvd"), ("N", "Robertson", "Blvd"),
                                ("N", "Canon", "Dr"), ("", "Sawtelle", "Blvd"), ("", "Ocean", "Ave")]},
    "Chicago": {"areas": ["312", "773"],
                "munis": [("Chicago", 8, ["river north", "lincoln park", "gold coast", "wicker park", "lakeview"]),
                          ("Evanston", 1, []), ("Oak Park", 1, [])],
                "streets": [("N", "Clark", "St"), ("N", "State", "St"), ("S", "Wabash", "Ave"), ("N", "Michigan", "Ave"),
                            ("N", "Rush", "St"), ("W", "Division", "St"), ("N", "Halsted", "St"), ("W", "Armitage", "Ave"),
                            ("N", "Lincoln", "Ave"), ("W", "Randolph", "St"), ("W", "Ontario", "St"), ("N", "Wells", "St"),
                            ("N", "Milwaukee", "Ave"), ("W", "Chicago", "Ave"), ("", "Davis", "St"), ("", "Sherman", "Ave"),
                            ("W", "Lake", "St"), ("N", "Southport", "Ave")]},
    "Boston": {"areas": ["617"],
               "munis": [("Boston", 6, ["back bay", "north end", "south end", "beacon hill"]), ("Cambridge", 3, []),
                         ("Brookline", 1, []), ("Somerville", 1, [])],
               "streets": [("", "Newbury", "St"), ("", "Boylston", "St"), ("", "Hanover", "St"), ("", "Tremont", "St"),
                           ("", "Charles", "St"), ("", "Massachusetts", "Ave"), ("", "Washington", "St"),
                           ("", "Beacon", "St"), ("", "Harvard", "St"), ("", "Cambridge", "St"), ("", "Salem", "St"),
                           ("", "Commonwealth", "Ave"), ("", "Brattle", "St"), ("", "Elm", "St"), ("", "Mt. Auburn", "St")]},
    "Seattle": {"areas": ["206"],
                "munis": [("Seattle", 10, ["capitol hill", "ballard", "fremont", "queen anne", "belltown", "pioneer square"])],
                "streets": [("", "Pike", "St"), ("", "Pine", "St"), ("", "1st", "Ave"), ("", "2nd", "Ave"),
                            ("", "Broadway", "E"), ("NW", "Market", "St"), ("NW", "Ballard", "Ave"), ("N", "Fremont", "Ave"),
                            ("N", "Queen Anne", "Ave"), ("", "Western", "Ave"), ("NE", "University", "Way"),
                            ("E", "15th", "Ave"), ("E", "Madison", "St"), ("S", "Jackson", "St")]},
    "New Orleans": {"areas": ["504"],
                    "munis": [("New Orleans", 9, ["french quarter", "garden district", "uptown", "marigny", "mid-city"]),
                              ("Metairie", 1, [])],
                    "streets": [("", "Bourbon", "St"), ("", "Royal", "St"), ("", "Chartres", "St"), ("", "Decatur", "St"),
                                ("", "Magazine", "St"), ("", "St. Charles", "Ave"), ("", "Frenchmen", "St"),
                                ("", "Canal", "St"), ("", "Tchoupitoulas", "St"), ("", "Oak", "St"),
                                ("S", "Carrollton", "Ave"), ("", "Esplanade", "Ave"), ("", "Veterans Memorial", "Blvd"),
                                ("", "Poydras", "St"), ("", "Iberville", "St")]},
}
CUISINES = [  # guide A label, guide B labels, name patterns
    ("American", ["american (new)", "american (traditional)", "american"], ["{S}'s Grill", "The {N} Room", "{A} {N} Grill", "{N} & {N2}", "{F}'s Kitchen", "{N} Tavern"]),
    ("Italian", ["italian", "italian (northern)", "pizza"], ["Trattoria {I}", "{S}'s Ristorante", "Cafe {I}", "Osteria {I}", "{I} {I2}", "Pizzeria {I}"]),
    ("French", ["french", "french bistro", "french (new)"], ["Chez {F}", "Le {Fr}", "Bistro {Fr}", "La {Fr}", "Cafe {Fr}"]),
    ("Steakhouse", ["steakhouses", "steak houses"], ["{S}'s Steakhouse", "{F} {S}'s of {C}", "{S}'s Chop House", "The {N} Steak House"]),
    ("Seafood", ["seafood"], ["{P} Oyster Bar", "The {N} Fish House", "{S}'s Crab Shack", "{N} Seafood Grill"]),
    ("Chinese", ["chinese", "dim sum", "chinese (szechuan)"], ["{Ch} Garden", "Golden {Ch}", "{Ch} Palace", "{Ch} House", "New {Ch}"]),
    ("Japanese", ["japanese", "sushi"], ["Sushi {J}", "{J} Sushi", "{J} Izakaya", "{J} Japanese Restaurant"]),
    ("Mexican", ["mexican", "tex-mex", "mexican (regional)"], ["Taqueria {M}", "El {M}", "La {M} Cantina", "Casa {M}"]),
    ("Thai", ["thai"], ["{T} Thai", "Thai {T}", "{T} Thai Cuisine"]),
    ("Indian", ["indian"], ["{In} of India", "Taste of {In}", "{In} Palace", "{In} Indian Cuisine"]),
    ("Cajun/Creole", ["cajun", "creole", "cajun/creole"], ["{S}'s", "Cafe {Fr}", "{F}'s Creole Kitchen", "The {N} House"]),
    ("Delis", ["delis", "sandwiches"], ["{S}'s Deli", "{S}'s Delicatessen", "{S} & {S2} Deli"]),
    ("Coffee Shops", ["coffeehouses", "coffee shops"], ["{N} Coffee", "Cafe {I}", "{A} Bean", "{N} Coffee House"]),
    ("Bakeries", ["bakeries"], ["{N} Bakery", "{S}'s Bakery", "La Boulangerie {Fr}", "{A} Crust Bakery"]),
    ("Barbecue", ["bbq", "barbecue"], ["{S}'s BBQ", "{F}'s Rib Shack", "{N} Smokehouse"]),
    ("Diners", ["diners", "hamburgers"], ["{F}'s Diner", "{S}'s Burgers", "The {N} Diner"]),
]
SHOPS = [
    ("Books", ["bookstores"], ["{A} Books", "{S}'s Books", "{N} Bookshop", "{S} & {S2} Booksellers"]),
    ("Hardware", ["hardware stores"], ["{S} Hardware", "{S} & Sons Hardware", "{N} Hardware"]),
    ("Florists", ["florists", "flowers"], ["{N} Flowers", "{S} Florist", "{A} Petal"]),
    ("Antiques", ["antiques"], ["{A} Antiques", "{S} Antiques", "{N} Antique Mall"]),
    ("Records & Music", ["record stores", "music"], ["{N} Records", "{A} Sounds", "{S}'s Music"]),
    ("Gifts", ["gift shops"], ["{N} Gifts", "The {A} {N}", "{N} & {N2}"]),
    ("Clothing", ["clothing", "boutiques"], ["{F} {S}", "{N} Boutique", "{A} Threads"]),
    ("Wine & Spirits", ["wine shops", "liquor stores"], ["{S} Wine & Spirits", "{N} Wine Shop", "{S}'s Liquors"]),
    ("Bars", ["bars", "pubs", "taverns"], ["The {N} Tavern", "{S}'s Pub", "{N} Bar", "{N} Lounge"]),
]
W = {
    "N": ["Oak", "Anchor", "Blue Door", "Lantern", "Copper", "Harbor", "Ivy", "Pearl", "Olive", "Fig", "Salt", "Ember",
          "Hearth", "Magnolia", "Crow", "Fox", "Owl", "Barrel", "Bell", "Willow", "Granite", "Lighthouse", "Pelican",
          "Juniper", "Sparrow", "Thistle", "Orchard", "Brick", "Acorn", "Compass", "Kettle", "Lotus", "Railroad"],
    "A": ["Golden", "Blue", "Little", "Old", "Green", "Rusty", "Silver", "Black", "Red", "Happy", "Lucky", "Wild",
          "Crooked", "Good", "Daily", "Sunny", "Urban", "Village", "Corner", "Twin"],
    "I": ["Bella", "Sole", "Luna", "Toscana", "Roma", "Cucina", "Amici", "Fiore", "Vino", "Bacco", "Nonna", "Piazza",
          "Stella", "Mare", "Verde", "Rustica", "Trevi", "Il Forno", "Tavola"],
    "Fr": ["Petit Jardin", "Coq d'Or", "Lapin Agile", "Maison Blanche", "Soleil", "Papillon", "Cigale", "Provence",
           "Bon Temps", "Fleur", "Vieux Carre", "Marais", "Cocotte"],
    "Ch": ["Jade", "Lotus", "Bamboo", "Panda", "Phoenix", "Mandarin", "Szechuan", "Hunan", "Dragon", "Pearl River",
           "Lucky Star", "Peking"],
    "J": ["Sakura", "Hana", "Umi", "Yama", "Kaze", "Koi", "Tsuki", "Momo", "Kyoto", "Nami", "Shiro"],
    "M": ["Sol", "Toro", "Charro", "Nopal", "Mariachi", "Sombrero", "Jalisco", "Oaxaca", "Azteca", "Paloma", "Cielo"],
    "T": ["Siam", "Bangkok", "Orchid", "Lemongrass", "Basil", "Chiang Mai", "Royal", "Jasmine"],
    "In": ["Bombay", "Delhi", "Taj", "Maharaja", "Tandoor", "Saffron", "Punjab", "Kashmir", "Jaipur"],
    "P": ["Pier", "Harbor", "Bay", "Union", "Market", "Water Street", "Coast", "Island"],
}
CHAINS = [
    ("California Pizza Kitchen", "Italian", "pizza"), ("The Cheesecake Factory", "American", "american (traditional)"),
    ("Johnny Rockets", "Diners", "hamburgers"), ("Starbucks Coffee", "Coffee Shops", "coffeehouses"),
    ("Peet's Coffee & Tea", "Coffee Shops", "coffeehouses"), ("P.F. Chang's China Bistro", "Chinese", "chinese"),
    ("Barnes & Noble", "Books", "bookstores"), ("Ace Hardware", "Hardware", "hardware stores"),
    ("Ruth's Chris Steak House", "Steakhouse", "steakhouses"), ("Legal Sea Foods", "Seafood", "seafood"),
    ("Le Pain Quotidien", "Bakeries", "bakeries"), ("Potbelly Sandwich Shop", "Delis", "sandwiches"),
]
STREET_LONG = {"St": "street", "Ave": "avenue", "Blvd": "boulevard", "Dr": "drive", "Way": "way", "E": "e.", "Rd": "road"}
DIR_LONG = {"N": "north", "S": "south", "E": "east", "W": "west", "NW": "nw", "NE": "ne"}


def shops_set(seed):
    rng = random.Random(f"{seed}:shops")
    fake = seeded_faker("en_US", rng)
    pool = NumberPool(rng)
    city_w = [("Los Angeles", 3), ("Chicago", 2), ("Boston", 2), ("Seattle", 2), ("New Orleans", 2)]

    def fill(pattern, city):
        out = pattern
        repl = {"{S}": lambda: fake.last_name(), "{S2}": lambda: fake.last_name(), "{F}": lambda: fake.first_name(),
                "{C}": lambda: city, "{N2}": lambda: rng.choice(W["N"])}
        for k, fn in repl.items():
            while k in out:
                out = out.replace(k, fn(), 1)
        for k in ["N", "A", "I", "Fr", "Ch", "J", "M", "T", "In", "P"]:
            tok = "{" + k + "}"
            while tok in out:
                out = out.replace(tok, rng.choice(W[k]), 1)
        out = out.replace("{I2}", rng.choice(W["I"]))
        return out

    def place(city):
        c = CITIES[city]
        muni, _, hoods = wchoice(rng, [(m, m[1]) for m in c["munis"]])
        hood = rng.choice(hoods) if hoods else ""
        d, street, typ = rng.choice(c["streets"])
        num = rng.randint(10, 9900)
        suite = None
        if chance(rng, 0.08):
            suite = rng.choice(["Suite 100", "Ste. 2", "#B", "2nd fl."])
        cross = None
        if chance(rng, 0.2):
            other = rng.choice(c["streets"])
            cross = other[1]
        return {"city": city, "muni": muni, "hood": hood, "num": num, "dir": d, "street": street, "type": typ,
                "suite": suite, "cross": cross, "phone": pool.nanp(c["areas"])}

    businesses = []
    names_used = []
    # chain branches: same name, different address and phone (hard negatives)
    for chain, cat_a, cat_b in CHAINS:
        for _ in range(rng.randint(3, 7)):
            city = wchoice(rng, city_w)
            b = place(city)
            b.update({"name": chain, "cat_a": cat_a, "cat_b": cat_b, "chain": True})
            businesses.append(b)
    while len(businesses) < 850:
        city = wchoice(rng, city_w)
        kind = CUISINES if chance(rng, 0.62) else SHOPS
        cat_a, cats_b, pats = rng.choice(kind)
        name = fill(rng.choice(pats), city)
        if (name, city) in names_used:
            continue
        names_used.append((name, city))
        b = place(city)
        b.update({"name": name, "cat_a": cat_a, "cat_b": rng.choice(cats_b), "chain": False})
        businesses.append(b)
    # which guide lists each: 150 in both, 350 only in A, 350 only in B
    order = list(range(len(businesses)))
    rng.shuffle(order)
    guides = {}
    for k, i in enumerate(order):
        guides[i] = ["A", "B"] if k < 150 else (["A"] if k < 500 else ["B"])

    def name_a(b):
        n = b["name"]
        if chance(rng, 0.06):
            n = n + rng.choice([" Restaurant", " Cafe", ""]) if b["cat_a"] not in ("Books", "Hardware") else n
        return n

    def name_b(b):
        n = b["name"].lower()
        r = rng.random()
        if " of " in n and r < 0.6:
            n = n.split(" of ")[0]
        if n.startswith("the ") and chance(rng, 0.4):
            n = n[4:]
        if chance(rng, 0.2):
            n = n.replace(" & ", " and ") if " & " in n else n.replace(" and ", " & ")
        if chance(rng, 0.15):
            n = n.replace("'", "")
        if chance(rng, 0.1):
            n = n.replace("cafe", "café")
        if chance(rng, 0.06):
            n = n.replace(" restaurant", "").replace(" steakhouse", " steak house").replace(" delicatessen", " deli")
        if b["chain"] and chance(rng, 0.3):
            n = n + " (" + (b["hood"] or b["muni"].lower()) + ")"
        if chance(rng, 0.06):
            n = typo(rng, n)
        return n

    def addr_text(b, guide):
        num = str(b["num"])
        if chance(rng, 0.02):
            num = digit_typo(rng, num)
        d, street, typ = b["dir"], b["street"], b["type"]
        if guide == "A":
            dd = (d + ".") if d in ("N", "S", "E", "W") else d
            tt = typ + "." if typ in ("St", "Ave", "Blvd", "Dr") else typ
            if typ == "E":
                tt = "E."
            parts = [num] + ([dd] if d else []) + [street, tt]
            s = " ".join(parts)
            if b["suite"] and chance(rng, 0.6):
                s += ", " + b["suite"]
            if b["cross"] and chance(rng, 0.3):
                s += f" (at {b['cross']})"
        else:
            r = rng.random()
            if d:
                dd = DIR_LONG[d] if r < 0.3 else d.lower() + ("." if d in "NSEW" else "")
            tt = STREET_LONG.get(typ, typ.lower()) if chance(rng, 0.35) else typ.lower() + ("." if typ in ("St", "Ave", "Blvd", "Dr") else "")
            parts = [num] + ([dd] if d else []) + [street.lower(), tt]
            s = " ".join(parts)
            if b["suite"] and chance(rng, 0.3):
                s += " " + b["suite"].lower()
            if b["cross"] and chance(rng, 0.6):
                cross = b["cross"].lower()
                s += rng.choice([f"  near {cross}", f" at {cross}", f" between {cross} & {rng.choice(CITIES[b['city']]['streets'])[1].lower()}", f" off {cross}"])
        if chance(rng, 0.04):
            s = typo(rng, s)
        return s

    def city_text(b, guide):
        if guide == "A":
            return b["muni"]
        if b["hood"] and chance(rng, 0.3):
            return b["hood"]
        m = b["muni"].lower()
        if m == "west hollywood" and chance(rng, 0.5):
            m = "w. hollywood"
        if m == "los angeles" and chance(rng, 0.15):
            m = "la"
        if m == "new orleans" and chance(rng, 0.1):
            m = "n. orleans"
        return m

    def phone_text(b, guide):
        d = b["phone"]
        if chance(rng, 0.03):
            d = d[:3] + digit_typo(rng, d[3:])
        if guide == "A":
            st = wchoice(rng, [("slash", 8), ("paren", 1), ("dash", 1)])
        else:
            st = wchoice(rng, [("dash", 7), ("paren_space", 2), ("paren", 1), ("dot", 1)])
        return fmt_nanp(d, st)

    header = ["name", "addr", "city", "phone", "category"]
    rows = []
    for i, b in enumerate(businesses):
        eid = "biz%04d" % (i + 1)
        for g in guides[i]:
            if g == "B" and "A" in guides[i] and chance(rng, 0.05):
                b = dict(b, phone=pool.nanp(CITIES[b["city"]]["areas"]))  # number changed between editions
            cells = [name_a(b) if g == "A" else name_b(b), addr_text(b, g), city_text(b, g), phone_text(b, g),
                     b["cat_a"] if g == "A" else b["cat_b"]]
            rows.append((cells, eid))
    return header, rows, rng


# --------------------------------------------------------------------------------------------
# 6. copies: one customer's row 1,000 times
# --------------------------------------------------------------------------------------------

def copies_set(seed):
    rng = random.Random(f"{seed}:copies")
    fake = seeded_faker("en_US", rng)
    pool = NumberPool(rng)
    first, last = fake.first_name(), fake.last_name()
    email = f"{first.lower()}.{last.lower()}@{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com'])}"
    phone = fmt_nanp(pool.nanp(["617"]), "paren")
    header = ["Given Name", "Family Name", "E-mail", "Phone", "City"]
    rows = [([first, last, email, phone, "Boston"], "c1") for _ in range(1000)]
    return header, rows, rng


SETS = {"sites": sites_set, "historical": historical_set, "members": members_set, "signups": signups_set,
        "shops": shops_set, "copies": copies_set}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated subset of: " + ",".join(SETS))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    names = [n for n in args.only.split(",") if n] or list(SETS)
    for name in names:
        header, rows, rng = SETS[name](args.seed)
        le = "\r\n" if name == "members" else "\n"
        n, ents = write_set(args.out, name, header, rows, rng, lineterminator=le)
        print(f"{name}: {n} rows, {ents} entities", file=sys.stderr)


if __name__ == "__main__":
    main()
