#!/usr/bin/env python3
"""Independent hold-out generator for Steward: five messy customer exports with known truth.

    python3 benches/holdout/generate.py --customers 4000 --seed 1 --out target/holdout/h1
        [--countries UA,TH,US,GB,DE,FR,PL] [--layout ua=B,th=A,crm=hubspot,xlsx=en,fifth=google]

Writes DIR/ (the exports) and, beside it, DIR.truth.csv (source,row,entity_id), DIR.cases.csv
(source,row,entity_id,tags,raw) and DIR.meta.json (layouts, counts). Same arguments → same bytes.
See benches/holdout/README.md for what is in the files and why.
"""

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import sys
import unicodedata
import uuid
import zipfile

import phonenumbers as pn
from faker import Faker

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables as T  # noqa: E402

PNT = pn.PhoneNumberType
TODAY = dt.date(2024, 12, 31)
EU = {"DE", "FR", "PL", "IT", "ES", "NL", "CZ"}
MARRIAGE_CHANGES_NAME = {"UA", "TH", "US", "GB", "DE", "FR", "PL", "NL", "CZ", "CA", "BR"}


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def chance(rng, p):
    return rng.random() < p


# =============================================================================================
# Text helpers: folding, transliteration, typos
# =============================================================================================

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
                       "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "’": "'", "ʼ": "'", "–": "-", "—": "-",
                       "«": '"', "»": '"', "№": "No"})


def fold(s):
    """Drop diacritics the way an ASCII-only system does (é→e, ł→l, ß→ss)."""
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def german_fold(s):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return s


def fits(s, enc):
    try:
        s.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def fit_encoding(s, enc):
    """Make a cell storable in a legacy code page: fold what does not fit, then '?' (as real exports do)."""
    try:
        s.encode(enc)
        return s
    except UnicodeEncodeError:
        pass
    out = []
    for ch in s:
        try:
            ch.encode(enc)
            out.append(ch)
        except UnicodeEncodeError:
            f = fold(ch)
            try:
                f.encode(enc)
                out.append(f)
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


UA_APOS = "'’ʼ"

_KMU = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"), "ж": "zh", "з": "z",
        "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ь": "", "ю": ("yu", "iu"), "я": ("ya", "ia")}
_PASSPORT = dict(_KMU, **{"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"})
_RUSSIAN = dict(_KMU, **{"г": "g", "и": "i", "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "е": "e",
                         "ё": "yo", "ы": "y", "э": "e", "ъ": ""})
_GERMAN = {"а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "sch", "з": "s",
           "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
           "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
           "щ": "schtsch", "ь": "", "ю": "ju", "я": "ja"}
_POLISH = dict(_GERMAN, **{"в": "w", "ж": "ż", "з": "z", "л": "ł", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
                           "щ": "szcz", "й": "j", "с": "s"})
_CZECH = dict(_GERMAN, **{"в": "v", "ж": "ž", "з": "z", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                          "й": "j", "с": "s"})


def translit_ua(s, system):
    """Ukrainian Cyrillic → Latin in one of the systems that coexist in real data.

    kmu: the 2010 national standard (Oleksandr Hnatiuk, Serhii); passport: the older habit
    (Serhiy, Hnatyuk, Nataliya); russian: Russian-style letters (Gnatyuk, Melnik); german, polish,
    czech: what a German/Polish/Czech clerk types (Hnatjuk, Szewczenko, Ševčenko)."""
    table = {"kmu": _KMU, "passport": _PASSPORT, "russian": _RUSSIAN, "german": _GERMAN, "polish": _POLISH,
             "czech": _CZECH}[system]
    out = []
    low = s.lower()
    i = 0
    while i < len(low):
        ch = low[i]
        orig = s[i]
        start = i == 0 or not low[i - 1].isalpha() and low[i - 1] not in UA_APOS
        if ch in UA_APOS:
            i += 1
            continue
        if system == "polish" and ch == "л" and i + 1 < len(low) and low[i + 1] in "ьяюєї":
            lat = "l"
        elif system == "russian" and ch == "и" and low[i:i + 2] == "ий":
            lat = "i"
        elif system == "russian" and ch == "а" and i == len(low) - 1 and low[i - 3:i] in ("ськ", "цьк", "зьк"):
            lat = "aya"  # Ковальська → Kovalskaya, as a Russian-speaking clerk writes it
        elif system == "kmu" and ch == "г" and i > 0 and low[i - 1] == "з":
            lat = "gh"  # зг → zgh (KMU 2010)
        else:
            lat = table.get(ch)
        if lat is None:
            out.append(orig)
            i += 1
            continue
        if isinstance(lat, tuple):
            lat = lat[0] if start else lat[1]
        if lat and orig.isupper():
            word_upper = all(c.isupper() for c in s[max(0, i - 1):i + 2] if c.isalpha())
            lat = lat.upper() if (word_upper and len(s) > 1 and not start) or (word_upper and s.isupper()) else lat[0].upper() + lat[1:]
        out.append(lat)
        i += 1
    return "".join(out)


_RU_CYR = {"і": "и", "ї": "йи", "є": "е", "ґ": "г"}

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"


def typo(rng, s):
    """One realistic keyboard slip: drop, double, swap neighbours, or hit a neighbouring key."""
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    k = rng.random()
    if k < 0.3:
        return s[:i] + s[i + 1:]
    if k < 0.5:
        return s[:i] + s[i] + s[i:]
    if k < 0.8:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    c = s[i].lower()
    pos = KEYBOARD.find(c)
    if pos < 0:
        return s[:i] + s[i + 1:]
    cand = [KEYBOARD[j] for j in (pos - 1, pos + 1) if 0 <= j < len(KEYBOARD) and KEYBOARD[j] != " "]
    r = rng.choice(cand)
    return s[:i] + (r.upper() if s[i].isupper() else r) + s[i + 1:]


def cyr_typo(rng, s):
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    pairs = {"и": "і", "і": "и", "е": "є", "є": "е", "о": "а", "а": "о", "н": "г", "г": "н", "ь": "", "й": "и"}
    c = s[i]
    if c in pairs:
        return s[:i] + pairs[c] + s[i + 1:]
    return s[:i] + s[i + 1:] if chance(rng, 0.5) else s[:i] + s[i + 1] + s[i] + s[i + 2:]


THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


# =============================================================================================
# People
# =============================================================================================

class Person:
    """One true customer. Attributes not set for a country stay None."""

    FIELDS = ("gender", "given", "given_ru", "patronymic", "middle", "family", "maiden", "marriage", "birth",
              "suffix", "own_system", "th_given", "th_family", "th_maiden", "pop_pick", "mobile", "mobile_old",
              "mobile_change", "home", "work", "ext", "email", "email_old", "email_change", "work_email",
              "role_email", "addr", "addr_old", "move", "org", "org_addr", "created", "city")

    def __init__(self, eid, cc):
        self.eid, self.cc = eid, cc
        for k in self.FIELDS:
            setattr(self, k, None)
        self.groups = []
        self.nicks = []


def feminine(cc, fam):
    if cc == "UA":
        for a, b in (("ський", "ська"), ("цький", "цька"), ("зький", "зька"), ("ий", "а"), ("ов", "ова"),
                     ("ев", "ева"), ("єв", "єва"), ("ін", "іна"), ("їн", "їна")):
            if fam.endswith(a):
                return fam[: -len(a)] + b
        return fam
    if cc == "PL":
        for a, b in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if fam.endswith(a):
                return fam[: -len(a)] + b
        return fam
    if cc == "CZ":
        if fam.endswith("ý"):
            return fam[:-1] + "á"
        if fam.endswith("a"):
            return fam[:-1] + "ová"
        if fam.endswith("ek"):
            return fam[:-2] + "ková"
        if fam.endswith("ec"):
            return fam[:-2] + "cová"
        if fam.endswith("á") or fam.endswith("ová"):
            return fam
        return fam + "ová"
    return fam


def ua_patronymic(father, gender):
    if father == "Микола":
        stem_m, stem_f = "Миколайович", "Миколаївна"
    elif father == "Ілля":
        stem_m, stem_f = "Ілліч", "Іллівна"
    elif father.endswith("ій"):
        stem_m, stem_f = father[:-2] + "ійович", father[:-2] + "іївна"
    elif father.endswith("о"):
        stem_m, stem_f = father[:-1] + "ович", father[:-1] + "івна"
    elif father.endswith("'ян"):
        stem_m, stem_f = father + "ович", father + "івна"
    else:
        stem_m, stem_f = father + "ович", father + "івна"
    return stem_m if gender == "M" else stem_f


class World:
    """Draws people, households, companies, namesakes; holds the Faker instances."""

    def __init__(self, rng, countries):
        self.rng = rng
        self.countries = countries
        self.fk = {}
        for cc in countries:
            f = Faker(T.LOCALE[cc])
            f.seed_instance(rng.randrange(2 ** 31))
            self.fk[cc] = f
        self.used_emails = set()
        self.used_phones = set()
        self.next_eid = 0

    # ---- names -------------------------------------------------------------------------------
    def given(self, cc, gender):
        rng, f = self.rng, self.fk[cc]
        if cc == "UA":
            lst = T.UA_MALE if gender == "M" else T.UA_FEMALE
            g = wchoice(rng, lst, [x[3] for x in lst])
            return g[0], g[1], list(g[2])
        if cc == "TH":
            lst = T.TH_MALE if gender == "M" else T.TH_FEMALE
            return rng.choice(lst), None, []
        while True:
            g = f.first_name_male() if gender == "M" else f.first_name_female()
            if cc == "BR" and " " in g and chance(rng, 0.5):
                g = g.split()[0]
            if len(g) > 1:
                break
        return g, None, list(T.NICKNAMES.get(g, []))

    def surname(self, cc):
        rng, f = self.rng, self.fk[cc]
        if cc == "UA":
            if chance(rng, 0.45):
                return rng.choice(T.UA_SURNAMES)
            s = f.last_name_male()
            return s.replace("ʼ", "'")
        if cc == "TH":
            n = 2 if chance(rng, 0.7) else 3
            parts = []
            while len(parts) < n:
                p = rng.choice(T.TH_SURNAME_PARTS)
                if p not in parts:
                    parts.append(p)
            return tuple(parts)
        if cc in T.COMMON_SURNAMES and chance(rng, 0.3):
            s = rng.choice(T.COMMON_SURNAMES[cc])
        else:
            s = f.last_name_male() if hasattr(f, "last_name_male") else f.last_name()
        if cc == "ES":
            s2 = rng.choice(T.COMMON_SURNAMES["ES"]) if chance(rng, 0.4) else f.last_name()
            if s2 != s and chance(rng, 0.9):
                s = s + " " + s2
        if cc == "BR" and chance(rng, 0.5):
            s2 = rng.choice(T.COMMON_SURNAMES["BR"])
            if s2 != s:
                s = s2 + " " + s
        if cc == "CZ" and (s.endswith("ová") or s.endswith("á")):
            return self.surname(cc)
        return s

    def birth(self, lo_age=19, hi_age=80):
        d0 = TODAY.replace(year=TODAY.year - hi_age)
        span = (hi_age - lo_age) * 365
        return d0 + dt.timedelta(days=self.rng.randrange(span))

    # ---- phones ------------------------------------------------------------------------------
    def phone(self, cc, kind, city):
        rng = self.rng
        code = str(pn.country_code_for_region(cc))
        for _ in range(400):
            if cc in ("US", "CA"):
                exch = str(rng.randint(2, 9)) + "%02d" % rng.randrange(100)
                if exch[1:] == "11" or exch == "555":
                    continue
                nsn = rng.choice(city[4]) + exch + "%04d" % rng.randrange(10000)
            elif cc == "BR":
                area = city[4][0]
                if kind == "mobile":
                    nsn = area + "9" + str(rng.randint(6, 9)) + "".join(str(rng.randrange(10)) for _ in range(7))
                else:
                    nsn = area + str(rng.randint(2, 5)) + "".join(str(rng.randrange(10)) for _ in range(7))
            else:
                if kind == "mobile":
                    prefixes, lengths = T.MOBILE[cc]
                    prefix, length = rng.choice(prefixes), rng.choice(lengths)
                else:
                    prefix = rng.choice(city[4])
                    length = {"UA": 9, "TH": 8, "GB": 10, "DE": rng.choice([10, 11]), "FR": 9, "PL": 9, "IT": 10,
                              "ES": 9, "NL": 9, "CZ": 9}[cc]
                    if cc == "DE" and len(prefix) == 2:
                        length = 10
                    if cc == "FR":
                        prefix = prefix + str(rng.randint(1, 9))
                    if cc == "TH" and prefix == "2":
                        prefix = "2" + str(rng.randint(1, 9))
                    if cc == "UA" and len(prefix) == 2:
                        prefix = prefix + str(rng.randint(2, 5))
                nsn = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix)))
                if cc == "IT" and kind != "mobile" and not nsn.startswith("0"):
                    continue
            try:
                num = pn.parse("+" + code + nsn)
            except pn.NumberParseException:
                continue
            if not pn.is_valid_number(num):
                continue
            t = pn.number_type(num)
            ok = {PNT.MOBILE, PNT.FIXED_LINE_OR_MOBILE} if kind == "mobile" else {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE}
            if t not in ok:
                continue
            e164 = pn.format_number(num, pn.PhoneNumberFormat.E164)
            if e164 in self.used_phones:
                continue
            self.used_phones.add(e164)
            return num
        raise RuntimeError("could not draw a valid %s %s number" % (cc, kind))

    # ---- addresses ---------------------------------------------------------------------------
    def city(self, cc, big=None):
        cities = T.CITIES[cc]
        if big:
            cities = [c for c in cities if c[5]]
        w = [4 if c[5] else 1 for c in cities]
        return wchoice(self.rng, cities, w)

    def postal(self, spec):
        rng = self.rng

        def rng_field(m):
            a, b = m.group(1), m.group(2)
            return str(rng.randint(int(a), int(b))).zfill(len(a))
        s = re.sub(r"\{(\d+)-(\d+)\}", rng_field, spec)
        return "".join(str(rng.randrange(10)) if c == "#" else c for c in s)

    def address(self, cc, city=None, big=None):
        rng, f = self.rng, self.fk[cc]
        city = city or self.city(cc, big)
        a = {"cc": cc, "city": city, "unit": None, "id": rng.getrandbits(48)}
        if cc == "UA":
            while True:
                name = f.street_name().replace("ʼ", "'")
                if re.fullmatch(r"[А-ЯІЇЄҐа-яіїєґ' -]+", name) and len(name.split()) <= 3:
                    break
            if name.endswith("ий") or name.endswith("ій"):
                a["stype"] = wchoice(rng, ["провулок", "проспект", "бульвар"], [70, 20, 10])
            else:
                a["stype"] = wchoice(rng, ["вулиця", "проспект", "площа"], [88, 10, 2])
            a["street"] = name
            a["num"] = str(rng.randint(1, 180)) + (rng.choice(["А", "Б", "/2", "/1"]) if chance(rng, 0.1) else "")
            a["unit"] = str(rng.randint(1, 260)) if chance(rng, 0.7) else None
            a["postal"] = self.postal(city[3])
        elif cc == "TH":
            if city[3] == "BKK":
                d = rng.choice(T.TH_BKK)
                sub = rng.choice(d[3])
                a.update(district=(d[0], d[1]), sub=sub, postal=d[2])
                road = rng.choice(T.TH_ROADS[:15])
            else:
                s = rng.choice(T.TH_PROV[city[0]])
                a.update(district=(s[2], s[3]), sub=(s[0], s[1]), postal=s[4])
                road = rng.choice(T.TH_ROADS[15:])
            a["road"] = road if chance(rng, 0.8) else None
            a["soi"] = str(rng.randint(1, 71)) if a["road"] and chance(rng, 0.5) else None
            a["moo"] = str(rng.randint(1, 12)) if city[3] != "BKK" and chance(rng, 0.6) else None
            a["num"] = "%d/%d" % (rng.randint(1, 999), rng.randint(1, 300)) if chance(rng, 0.6) else str(rng.randint(1, 999))
            a["building"] = None
        elif cc in ("US", "CA"):
            a["street"] = rng.choice(T.STREETS[cc])
            a["stype"] = wchoice(rng, ["Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Place"], [30, 20, 10, 10, 6, 5, 4, 3])
            a["num"] = str(rng.randint(1, 9899))
            a["unit"] = (rng.choice(["Apt ", "Unit ", "Suite ", "#"]) + str(rng.randint(1, 40)) + rng.choice(["", "", "B", "A"])) if chance(rng, 0.35) else None
            if cc == "US":
                a["postal"] = self.postal(city[3])
            else:
                L = "ABCEGHJKLMNPRSTVXY"
                a["postal"] = "%s%d%s %d%s%d" % (city[3], rng.randint(1, 9), rng.choice(L), rng.randint(1, 9), rng.choice(L), rng.randint(0, 9))
        elif cc == "GB":
            a["street"] = rng.choice(T.STREETS["GB"]) if chance(rng, 0.6) else f.last_name()
            a["stype"] = wchoice(rng, ["Road", "Street", "Avenue", "Lane", "Close", "Gardens", "Crescent", "Drive", "Way", "Terrace"], [30, 25, 10, 8, 6, 5, 5, 5, 3, 3])
            a["num"] = str(rng.randint(1, 240))
            a["unit"] = ("Flat %d" % rng.randint(1, 30)) if chance(rng, 0.3) else None
            inward = "%d%s%s" % (rng.randint(0, 9), rng.choice("ABDEFGHJLNPQRSTUWXYZ"), rng.choice("ABDEFGHJLNPQRSTUWXYZ"))
            if city[3] == "LONDON":
                out = rng.choice(["SW1A", "SW3", "SW11", "SE1", "SE15", "E1", "E14", "N1", "N7", "NW1", "NW3", "W1", "W2", "W14", "EC1V", "WC1H"])
            else:
                out = self.postal(city[3])
            a["postal"] = out + " " + inward
        elif cc == "DE":
            base = rng.choice(T.STREETS["DE"])
            suf = wchoice(rng, ["straße", "weg", "platz", "allee", "ring", "gasse"], [55, 20, 8, 8, 5, 4])
            a["street"] = base + suf if base != "Ring" else base
            a["num"] = str(rng.randint(1, 160)) + (rng.choice(["a", "b", "c"]) if chance(rng, 0.1) else "")
            a["postal"] = self.postal(city[3])
        elif cc == "FR":
            a["street"] = f.street_name()
            a["num"] = str(rng.randint(1, 180)) + (" bis" if chance(rng, 0.05) else "")
            a["unit"] = rng.choice(["Apt %d" % rng.randint(1, 60), "Bât. %s" % rng.choice("ABCD"), "Esc. %d" % rng.randint(1, 4)]) if chance(rng, 0.25) else None
            a["postal"] = self.postal(city[3])
        elif cc == "PL":
            a["street"] = f.street_name()
            a["stype"] = wchoice(rng, ["ulica", "aleja", "plac", "osiedle"], [88, 6, 3, 3])
            a["num"] = str(rng.randint(1, 150)) + (rng.choice(["a", "b", "A"]) if chance(rng, 0.08) else "")
            a["unit"] = str(rng.randint(1, 120)) if chance(rng, 0.6) else None
            a["postal"] = self.postal(city[3])
        elif cc == "IT":
            a["stype"] = wchoice(rng, ["Via", "Viale", "Piazza", "Corso"], [75, 10, 8, 7])
            a["street"] = rng.choice(T.STREETS["IT"]) if chance(rng, 0.6) else f.last_name()
            a["num"] = str(rng.randint(1, 220))
            a["unit"] = ("int. %d" % rng.randint(1, 30)) if chance(rng, 0.2) else None
            a["postal"] = self.postal(city[3])
        elif cc == "ES":
            a["stype"] = wchoice(rng, ["Calle", "Avenida", "Plaza", "Paseo"], [75, 15, 5, 5])
            a["street"] = rng.choice(T.STREETS["ES"]) if chance(rng, 0.6) else "de " + f.last_name()
            a["num"] = str(rng.randint(1, 200))
            a["unit"] = ("%dº %s" % (rng.randint(1, 9), rng.choice("ABCD"))) if chance(rng, 0.6) else None
            a["postal"] = self.postal(city[3])
        elif cc == "NL":
            a["street"] = f.street_name()
            a["num"] = str(rng.randint(1, 300))
            a["unit"] = rng.choice(["A", "B", "hs", "1", "2", "-I", "-II"]) if chance(rng, 0.25) else None
            a["postal"] = self.postal(city[3]) + " " + rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        elif cc == "CZ":
            a["street"] = f.street_name()
            a["num"] = "%d/%d" % (rng.randint(100, 3200), rng.randint(1, 90)) if chance(rng, 0.7) else str(rng.randint(1, 90))
            a["postal"] = self.postal(city[3])
            a["postal"] = a["postal"][:3] + " " + a["postal"][3:]
        elif cc == "BR":
            a["stype"] = wchoice(rng, ["Rua", "Avenida", "Alameda", "Travessa"], [70, 20, 6, 4])
            a["street"] = rng.choice(T.STREETS["BR"]) if chance(rng, 0.6) else f.last_name()
            a["num"] = str(rng.randint(1, 3000))
            a["unit"] = ("apto %d" % rng.randint(11, 182)) if chance(rng, 0.5) else None
            a["bairro"] = rng.choice(["Centro", "Jardim América", "Vila Mariana", "Pinheiros", "Copacabana", "Boa Vista", "Santa Cecília", "Bela Vista"])
            a["postal"] = self.postal(city[3])
        return a

    # ---- e-mail ------------------------------------------------------------------------------
    def email_for(self, cc, given_lat, family_lat, birth, domain=None, style=None):
        rng = self.rng
        g = re.sub(r"[^a-z]", "", fold(given_lat).lower()) or "user"
        fam = re.sub(r"[^a-z]", "", fold(family_lat).lower()) or "mail"
        yy = "%02d" % (birth.year % 100) if birth else str(rng.randint(10, 99))
        if domain:
            pats = [(g + "." + fam, 6), (g[0] + fam, 3), (g + fam[0], 1), (fam + "." + g, 1), (g, 1)]
        else:
            pats = [(g + "." + fam, 6), (g + fam, 4), (g[0] + fam, 2), (g + "." + fam + yy, 3), (g + "_" + fam, 2),
                    (fam + "." + g, 1), (g + yy, 1), (fam + g[0] + yy, 1), (g + "." + fam[0], 1),
                    (g + fam + str(birth.year if birth else rng.randint(1960, 2000)), 1),
                    (rng.choice(["sunny", "happy", "blue", "star", "king", "mama", "papa", "lucky", "cool", "bright"]) + g[:3] + str(rng.randint(1, 999)), 1)]
        for attempt in range(30):
            local = wchoice(rng, [p[0] for p in pats], [p[1] for p in pats])
            if attempt > 2:
                local += str(rng.randint(1, 99))
            dom = domain or wchoice(rng, [d for d, _ in T.EMAIL_PROVIDERS[cc]], [w for _, w in T.EMAIL_PROVIDERS[cc]])
            e = local + "@" + dom
            if e not in self.used_emails:
                self.used_emails.add(e)
                return e
        raise RuntimeError("email space exhausted")

    # ---- people ------------------------------------------------------------------------------
    def person(self, cc, gender=None, family=None, given=None, city=None, addr=None, birth=None, avoid=()):
        """One person; `avoid`: given names already taken in the household (siblings and parents
        do not share a first name unless we say so, as for Jr./Sr.)."""
        rng = self.rng
        p = Person("E%05d" % self.next_eid, cc)
        self.next_eid += 1
        p.gender = gender or ("M" if chance(rng, 0.5) else "F")
        if given:
            g = given
            if cc == "UA":
                row = [x for x in (T.UA_MALE + T.UA_FEMALE) if x[0] == g]
                p.given, p.given_ru, p.nicks = g, (row[0][1] if row else g), (list(row[0][2]) if row else [])
            elif cc == "TH":
                row = [x for x in (T.TH_MALE + T.TH_FEMALE) if x[0] == g]
                p.th_given = row[0]
                p.given = row[0][0]
            else:
                p.given, p.nicks = g, list(T.NICKNAMES.get(g, []))
        else:
            for _ in range(30):
                g, ru, nicks = self.given(cc, p.gender)
                if (g[0] if cc == "TH" else g) not in avoid:
                    break
            if cc == "TH":
                p.th_given, p.given = g, g[0]
            else:
                p.given, p.given_ru, p.nicks = g, ru, nicks
        base = family if family is not None else self.surname(cc)
        if cc == "TH":
            p.th_family = base
            p.family = "".join(x[0] for x in base)
        else:
            p.family = feminine(cc, base) if p.gender == "F" else base
        p.birth = birth or self.birth()
        if cc == "UA":
            father = wchoice(rng, T.UA_MALE, [x[3] for x in T.UA_MALE])[0]
            p.patronymic = ua_patronymic(father, p.gender)
            p.own_system = wchoice(rng, ["kmu", "passport", "russian"], [55, 25, 20])
        elif cc == "TH":
            p.own_system = "pop" if chance(rng, 0.75) else "rtgs"
            p.pop_pick = rng.randrange(10)
        elif cc in ("US", "GB", "CA") and chance(rng, 0.2):
            p.middle = self.fk[cc].first_name_male() if p.gender == "M" else self.fk[cc].first_name_female()
        elif cc == "BR" and chance(rng, 0.3):
            p.middle = self.fk[cc].first_name_male() if p.gender == "M" else self.fk[cc].first_name_female()
            p.middle = p.middle.split()[0]
        p.city = city or self.city(cc)
        p.addr = addr or self.address(cc, p.city)
        p.created = dt.datetime(2013, 1, 1) + dt.timedelta(seconds=rng.randrange(int((dt.datetime(2024, 6, 30) - dt.datetime(2013, 1, 1)).total_seconds())))
        if chance(rng, 0.9):
            p.mobile = self.phone(cc, "mobile", p.city)
        if chance(rng, 0.93):
            g_lat, f_lat = latin_name(p, p.own_system if cc in ("UA", "TH") else None)
            p.email = self.email_for(cc, g_lat, f_lat, p.birth)
        return p

    def events(self, p):
        """Life events between records: marriage (new surname), move, new e-mail, new mobile."""
        rng = self.rng
        age = (TODAY - p.birth).days / 365.25
        lo = p.created + dt.timedelta(days=120)
        hi = dt.datetime(2024, 10, 1)
        if lo >= hi:
            return

        def when():
            return lo + dt.timedelta(seconds=rng.randrange(int((hi - lo).total_seconds())))
        r = rng.random()
        if p.gender == "F" and p.cc in MARRIAGE_CHANGES_NAME and 22 < age < 55 and r < 0.14 and "household" not in " ".join(p.groups):
            # she had her maiden name in older records; the newer ones carry the married one
            p.maiden = self.surname(p.cc)
            if p.cc == "TH":
                p.th_maiden = p.maiden
                p.maiden = "".join(x[0] for x in p.maiden)
            else:
                p.maiden = feminine(p.cc, p.maiden)
            p.marriage = when()
            if p.email and chance(rng, 0.35):
                p.email_old = p.email
                g_lat, f_lat = latin_name(p, p.own_system if p.cc in ("UA", "TH") else None)
                p.email = self.email_for(p.cc, g_lat, f_lat, p.birth)
                p.email_change = p.marriage
            return
        r = rng.random()
        if r < 0.10:
            p.addr_old = p.addr
            p.addr = self.address(p.cc, self.city(p.cc) if chance(rng, 0.4) else p.city)
            p.move = when()
        elif r < 0.18 and p.email:
            p.email_old = p.email
            g_lat, f_lat = latin_name(p, p.own_system if p.cc in ("UA", "TH") else None)
            p.email = self.email_for(p.cc, g_lat, f_lat, p.birth)
            p.email_change = when()
        elif r < 0.24 and p.mobile:
            p.mobile_old = p.mobile
            p.mobile = self.phone(p.cc, "mobile", p.city)
            p.mobile_change = when()


def latin_name(p, system, given=None, family=None):
    """(given, family) in Latin script as the person or a clerk would write them."""
    cc = p.cc
    if cc == "UA":
        g = given or p.given
        fam = family or p.family
        if system == "russian":
            row = [x for x in (T.UA_MALE + T.UA_FEMALE) if x[0] == g]
            if row and row[0][1] in T.UA_RU_LATIN:
                gl = T.UA_RU_LATIN[row[0][1]][hash_pick(p.eid, len(T.UA_RU_LATIN[row[0][1]]))]
            else:
                gl = translit_ua("".join(_RU_CYR.get(c, c) for c in g), "russian")
            return gl, translit_ua(fam, "russian")
        return translit_ua(g, system), translit_ua(fam, system)
    if cc == "TH":
        tg = p.th_given
        parts = p.th_family if family is None else family
        if system == "rtgs":
            gl = tg[1]
            fl = "".join(x[1] for x in parts)
        else:
            gl = tg[2][p.pop_pick % len(tg[2])]
            fl = "".join(x[2] for x in parts)
        return gl, fl[0] + fl[1:].lower()
    return (given or p.given), (family or p.family)


def hash_pick(eid, n):
    return int(eid[1:]) % n


# =============================================================================================
# Population: households, companies, namesakes, singles
# =============================================================================================

def build_population(world, n, countries, cweights):
    rng = world.rng
    people = []
    group_no = {"household": 0, "colleague": 0, "namesake": 0, "jrsr": 0, "twins": 0}

    def gid(kind):
        group_no[kind] += 1
        return "%s:%s%d" % (kind, kind[0].upper(), group_no[kind])

    def pick_cc():
        return wchoice(rng, countries, cweights)

    while len(people) < n:
        r = rng.random()
        cc = pick_cc()
        if r < 0.075:  # household
            city = world.city(cc)
            addr = world.address(cc, city)
            base = world.surname(cc)
            home = world.phone(cc, "landline", city)
            g = gid("household")
            head_birth = world.birth(35, 80)
            members = []
            head = world.person(cc, "M", family=base, city=city, addr=addr, birth=head_birth)
            members.append(head)
            if chance(rng, 0.85):
                wife_base = base
                if cc in ("ES", "IT") or (cc == "BR" and chance(rng, 0.5)):
                    wife_base = world.surname(cc)
                members.append(world.person(cc, "F", family=wife_base, city=city, addr=addr,
                                            birth=head_birth + dt.timedelta(days=rng.randint(-2500, 2500)),
                                            avoid=[m.given for m in members]))
            kids = rng.choice([0, 1, 1, 2, 2, 3])
            jr = cc not in ("TH",) and chance(rng, 0.12)
            twins = kids >= 2 and chance(rng, 0.15)
            kid_birth = None
            for k in range(kids):
                kb = head_birth + dt.timedelta(days=rng.randint(22 * 365, 34 * 365))
                if kb > TODAY - dt.timedelta(days=18 * 365):
                    kb = TODAY - dt.timedelta(days=rng.randint(18 * 365, 20 * 365))
                if twins and k == 1:
                    kb = kid_birth
                kid_birth = kb
                gender = "M" if (jr and k == 0) else ("M" if chance(rng, 0.5) else "F")
                kid = world.person(cc, gender, family=base, city=city, addr=addr, birth=kb,
                                   given=head.given if (jr and k == 0) else None,
                                   avoid=[m.given for m in members])
                if cc == "UA":
                    kid.patronymic = ua_patronymic(head.given, gender)
                if jr and k == 0:
                    kid.groups.append(gid("jrsr"))
                    head.groups.append("jrsr:J%d" % group_no["jrsr"])
                    if cc in ("US", "CA", "GB"):
                        kid.suffix, head.suffix = "Jr.", "Sr."
                    elif cc == "DE":
                        kid.suffix, head.suffix = "jun.", "sen."
                    elif cc == "BR":
                        kid.suffix = rng.choice(["Filho", "Júnior"])
                    elif cc == "FR":
                        kid.suffix, head.suffix = "fils", "père"
                if twins and k == 1:
                    tg = gid("twins")
                    kid.groups.append(tg)
                    members[-1].groups.append(tg)
                members.append(kid)
            if len(members) < 2:
                members.append(world.person(cc, "F", family=base, city=city, addr=addr,
                                            birth=head_birth + dt.timedelta(days=rng.randint(-2500, 2500)),
                                            avoid=[m.given for m in members]))
            shared_email = chance(rng, 0.06)
            for m in members:
                m.home = home
                m.groups.append(g)
                if m is not head and chance(rng, 0.15):
                    m.mobile = None
            if shared_email and head.email:
                for m in members[1:2]:
                    m.email = head.email
                    m.groups.append("shared_email:" + g.split(":")[1])
                head.groups.append("shared_email:" + g.split(":")[1])
            people.extend(members)
        elif r < 0.115:  # colleagues at one company
            city = world.city(cc, big=chance(rng, 0.6))
            office = world.address(cc, city)
            office["unit"] = None
            switchboard = world.phone(cc, "landline", city)
            org = make_org(world, cc)
            g = gid("colleague")
            role = chance(rng, 0.12)
            for k in range(rng.randint(2, 6)):
                p = world.person(cc, city=city)
                p.org = org
                p.work = switchboard
                p.ext = str(rng.randint(100, 499)) if chance(rng, 0.5) else None
                g_lat, f_lat = latin_name(p, p.own_system if cc in ("UA", "TH") else None)
                p.work_email = world.email_for(cc, g_lat, f_lat, p.birth, domain=org["domain"])
                if chance(rng, 0.5):
                    p.email = None  # only known by the work address
                p.groups.append(g)
                if role:
                    p.role_email = org["role"]
                    p.groups.append("shared_role_email:" + g.split(":")[1])
                p.org_addr = office
                people.append(p)
        elif r < 0.145:  # namesakes: one common name, one big city, unrelated people
            gender = "M" if chance(rng, 0.55) else "F"
            if chance(rng, 0.3):
                given, fam, gender = rng.choice(T.NAMESAKES[cc])
            else:
                given = rng.choice(T.COMMON_GIVEN[cc][0 if gender == "M" else 1])
                if cc == "UA":
                    fam = rng.choice(T.UA_SURNAMES[:30])
                elif cc == "TH":
                    fam = rng.choice(T.TH_COMMON_SURNAMES)
                else:
                    fam = rng.choice(T.COMMON_SURNAMES[cc][:12])
            big = [c for c in T.CITIES[cc] if c[5]][0]
            g = gid("namesake")
            for k in range(rng.randint(2, 4)):
                p = world.person(cc, gender, family=(fam if cc != "TH" else th_parts_of(fam)), given=given, city=big)
                p.groups.append(g)
                people.append(p)
        else:
            people.append(world.person(cc))
    for p in people:
        world.events(p)
    return people[:max(n, 0)] if len(people) > n + 8 else people


def th_parts_of(thai):
    """Split a Thai surname from the namesake table into our building blocks."""
    parts, rest = [], thai
    while rest:
        for p in sorted(T.TH_SURNAME_PARTS, key=lambda x: -len(x[0])):
            if rest.startswith(p[0]):
                parts.append(p)
                rest = rest[len(p[0]):]
                break
        else:
            raise ValueError(thai)
    return tuple(parts)


def make_org(world, cc):
    rng, f = world.rng, world.fk[cc]
    if cc == "UA":
        w = rng.choice(T.UA_COMPANY_WORDS)
        form = rng.choice(T.LEGAL["UA"])
        native = form[0].format(w)
        latin = form[1].format(translit_ua(w, "kmu"))
        slug = re.sub(r"[^a-z]", "", translit_ua(w, "kmu").lower())
    elif cc == "TH":
        w = rng.choice(T.TH_COMPANY_WORDS)
        form = rng.choice(T.LEGAL["TH"])
        native, latin = form[0].format(w[0]), form[1].format(w[1])
        slug = re.sub(r"[^a-z]", "", w[1].lower())
    else:
        base = f.last_name()
        if chance(rng, 0.5):
            base = base + rng.choice([" & " + f.last_name(), " Consulting", " Logistics", " Systems", " Partners", " Trading", " Solutions"])
        form = rng.choice(T.LEGAL[cc])
        native, latin = form[0].format(base), form[1].format(fold(base))
        slug = re.sub(r"[^a-z]", "", fold(base).lower())[:18]
    slug = slug or "firma"
    slug += str(rng.randint(1, 99)) if slug + "." + T.TLD[cc] in world.used_emails else ""
    world.used_emails.add(slug + "." + T.TLD[cc])
    domain = slug + "." + T.TLD[cc]
    return {"native": native, "latin": latin, "domain": domain,
            "role": rng.choice(["info", "office", "sales", "kontakt", "contact", "admin"]) + "@" + domain}

# =============================================================================================
# Phones as people and clerks write them
# =============================================================================================

PF = pn.PhoneNumberFormat
EXT_WORD = {"UA": [" доб. ", " вн. "], "TH": [" ต่อ ", " ext. "], "DE": ["-", " Durchwahl "], "FR": [" poste "],
            "PL": [" wew. "], "IT": [" int. "], "ES": [" ext. "], "NL": [" tst. "], "CZ": [" kl. "], "BR": [" ramal "]}


def phone_text(rng, num, ctx, row_cc, ext=None, latin_only=False):
    """Render one number. ctx: 'local' (a clerk in the number's country), 'intl' (a CRM with
    mixed habits). Returns text."""
    cc = pn.region_code_for_number(num)
    nsn = pn.national_significant_number(num)
    nat = pn.format_number(num, PF.NATIONAL)
    intl = pn.format_number(num, PF.INTERNATIONAL)
    e164 = pn.format_number(num, PF.E164)
    code = str(num.country_code)
    trunk0 = cc not in ("US", "CA", "IT", "BR")
    forms = []   # (text, weight)
    if cc == "UA":
        a, b = nsn[:2], nsn[2:]
        if len(nsn) == 9 and nsn[:3] in ("432", "532", "462", "342", "352", "412", "472", "362", "332", "312", "542"):
            a, b = nsn[:3], nsn[3:]
        grp = b[:-4] + "-" + b[-4:-2] + "-" + b[-2:]
        forms += [("0%s %s %s %s" % (a, b[:-4], b[-4:-2], b[-2:]), 4), ("(0%s) %s" % (a, grp), 4), ("0%s-%s" % (a, grp), 2),
                  ("0" + nsn, 3), ("8 0%s %s" % (a, grp), 2), ("8(0%s)%s" % (a, b), 1), ("+38 (0%s) %s" % (a, grp), 3),
                  ("+38 0%s %s" % (a, b), 1), ("380" + nsn, 1), (e164, 2), (intl, 2)]
    elif cc == "TH":
        if nsn[0] in "689":
            n0 = "0" + nsn
            forms += [("%s-%s-%s" % (n0[:3], n0[3:6], n0[6:]), 6), ("%s %s %s" % (n0[:3], n0[3:6], n0[6:]), 2), (n0, 3),
                      ("%s-%s" % (n0[:3], n0[3:]), 1)]
        else:
            n0 = "0" + nsn
            if nsn[0] == "2":
                forms += [("%s-%s-%s" % (n0[:2], n0[2:5], n0[5:]), 6), ("%s %s %s" % (n0[:2], n0[2:5], n0[5:]), 2), (n0, 2)]
            else:
                forms += [("%s-%s-%s" % (n0[:3], n0[3:6], n0[6:]), 6), (n0, 2)]
        forms += [("+66 %s %s %s" % (nsn[:-7], nsn[-7:-4], nsn[-4:]), 2), ("+66 (0)%s %s %s" % (nsn[:-7], nsn[-7:-4], nsn[-4:]), 1),
                  ("66" + nsn, 1), (e164, 1)]
    elif cc in ("US", "CA"):
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        forms += [("(%s) %s-%s" % (a, b, c), 6), ("%s-%s-%s" % (a, b, c), 5), ("%s.%s.%s" % (a, b, c), 2), (nsn, 2),
                  ("1-%s-%s-%s" % (a, b, c), 1), ("+1 %s-%s-%s" % (a, b, c), 2), ("+1 (%s) %s-%s" % (a, b, c), 1), (e164, 1)]
    elif cc == "BR":
        a, rest = nsn[:2], nsn[2:]
        forms += [("(%s) %s-%s" % (a, rest[:-4], rest[-4:]), 6), ("%s %s %s" % (a, rest[:-4], rest[-4:]), 2),
                  ("(%s)%s%s" % (a, rest[:-4], rest[-4:]), 1), ("0%s %s-%s" % (a, rest[:-4], rest[-4:]), 1),
                  ("+55 %s %s-%s" % (a, rest[:-4], rest[-4:]), 2), (e164, 1)]
    else:
        forms += [(nat, 8), (re.sub(r"\s", "", nat), 2)]
        if cc == "DE":
            area = nat.split()[0]
            forms += [("%s/%s" % (area, "".join(nat.split()[1:])), 4), ("%s-%s" % (area, "".join(nat.split()[1:])), 2),
                      ("+49 (0)%s" % intl[4:], 2)]
        elif cc == "FR":
            forms += [(nat.replace(" ", "."), 3), ("+33 (0)%s" % intl[4:], 1)]
        elif cc == "GB":
            forms += [("+44 (0)%s" % intl[4:], 3), ("(%s) %s" % (nat.split()[0], " ".join(nat.split()[1:])), 1)]
        elif cc == "PL":
            forms += [(nat.replace(" ", "-"), 3)]
            if nsn[:2] in ("22", "12", "71", "61", "58", "42"):
                forms += [("(%s) %s-%s-%s" % (nsn[:2], nsn[2:5], nsn[5:7], nsn[7:]), 2)]
        elif cc == "NL":
            forms += [(nat.replace(" ", "-", 1), 2), ("+31 (0)%s" % intl[4:], 1)]
        elif cc == "IT":
            forms += [(nat.replace(" ", "/", 1).replace(" ", ""), 2)]
        elif cc == "ES":
            forms += [(" ".join([nsn[:3], nsn[3:6], nsn[6:]]), 3)]
        elif cc == "CZ":
            forms += [(nsn, 1)]
        forms += [(intl, 4), (e164, 2), ("00" + intl[1:], 1), ("00" + code + " " + nsn, 1)]
    if ctx == "intl":
        # an international CRM: the international forms are more common than at a branch desk
        forms = [(t, w * (3 if t.startswith("+") or t.startswith("00") else 1)) for t, w in forms]
    elif row_cc and row_cc != cc:
        forms = [(t, w) for t, w in forms if t.startswith("+") or t.startswith("00") or t.startswith(code)] or [(intl, 1)]
    text = wchoice(rng, [t for t, _ in forms], [w for _, w in forms])
    if ext:
        word = rng.choice(EXT_WORD.get(cc, [" ext. ", " x", " ext "]))
        if latin_only and not word.isascii():
            word = " ext. "
        text += word + ext
    return text


def phone_number_cell(rng, num):
    """What a spreadsheet keeps when someone typed a phone into a General cell: a number."""
    nsn = pn.national_significant_number(num)
    cc = pn.region_code_for_number(num)
    r = rng.random()
    if r < 0.45:
        return int(str(num.country_code) + nsn)          # +380501234567 → 380501234567
    if r < 0.85:
        return int(nsn)                                  # 0501234567 → 501234567 (leading zero lost)
    return phone_text(rng, num, "intl", None)


# =============================================================================================
# Addresses as text
# =============================================================================================

UA_STYPE = {"вулиця": ["вул.", "вул.", "вулиця", "вул"], "проспект": ["просп.", "проспект", "пр-т", "пр."],
            "провулок": ["пров.", "провулок"], "бульвар": ["бульв.", "бульвар", "б-р"], "площа": ["пл.", "площа"]}
UA_STYPE_LAT = {"вулиця": ["vul.", "vulytsia", "St", "Street", "str.", "ul."], "проспект": ["prosp.", "Ave", "avenue", "prospekt"],
                "провулок": ["prov.", "lane", "Ln"], "бульвар": ["bulv.", "Blvd", "boulevard"], "площа": ["pl.", "Sq", "square"]}
EN_ABBR = {"Street": "St", "Avenue": "Ave", "Road": "Rd", "Drive": "Dr", "Lane": "Ln", "Boulevard": "Blvd",
           "Court": "Ct", "Place": "Pl", "Close": "Cl", "Gardens": "Gdns", "Crescent": "Cres", "Way": "Way", "Terrace": "Terr"}


def ua_latin_system(rng, p, src_kind):
    w = {"kmu": 40, "passport": 20, "russian": 25, "own": 15}
    if src_kind == "euro_pl":
        w = {"polish": 55, "kmu": 25, "own": 20}
    elif src_kind == "euro_cz":
        w = {"czech": 50, "kmu": 30, "own": 20}
    elif src_kind == "euro_de":
        w = {"german": 40, "kmu": 35, "own": 25}
    s = wchoice(rng, list(w), list(w.values()))
    return p.own_system if s == "own" else s


def city_text(rng, a, script, system=None):
    cc, city = a["cc"], a["city"]
    if cc == "UA":
        if script == "cyr":
            return wchoice(rng, ["м. " + city[0], city[0], "м." + city[0], "г. " + [x for x in city[1] if not x.isascii()][0]
                                 if any(not x.isascii() for x in city[1]) else city[0]], [20, 70, 5, 5])
        lat = [x for x in city[1] if x.isascii()]
        return lat[0] if chance(rng, 0.7) else rng.choice(lat)
    if cc == "TH":
        if script == "thai":
            if city[3] == "BKK":
                return wchoice(rng, ["กรุงเทพมหานคร", "กรุงเทพฯ", "กทม.", "กรุงเทพ"], [50, 25, 15, 10])
            return city[0]
        return city[1][0] if chance(rng, 0.8) else rng.choice([x for x in city[1] if x.isascii()])
    if city[1] and chance(rng, 0.15):
        return rng.choice(city[1])
    return city[0]


def region_text(rng, a, script):
    cc, city = a["cc"], a["city"]
    if cc == "UA":
        if city[0] == "Київ" and chance(rng, 0.6):
            return ""
        if script == "cyr":
            return city[2] + rng.choice([" обл.", " область", " обл"])
        return translit_ua(city[2], "kmu") + rng.choice([" obl.", " oblast", " region", ""])
    if cc == "TH":
        prov = city[2]
        if script == "thai":
            return prov
        return T.TH_PROVINCE_EN.get(prov, "")
    return city[2]


def street_text(rng, a, script, system="kmu"):
    """The street part (number, street, unit) of an address, one line."""
    cc = a["cc"]
    u, n = a.get("unit"), a["num"]
    if cc == "UA":
        if script == "cyr":
            t = rng.choice(UA_STYPE[a["stype"]])
            s = a["street"]
            pats = [("{t} {s}, {n}" + (", кв. {u}" if u else ""), 6), ("{t} {s}, буд. {n}" + (", кв. {u}" if u else ""), 2),
                    ("{t}{s}, {n}" + ("/{u}" if u else ""), 1), ("{s} {n}" + ("-{u}" if u else ""), 1),
                    ("{t} {s} {n}" + (", кв {u}" if u else ""), 2), ("{t} {s}, {n}" + (" кв.{u}" if u else ""), 1)]
        else:
            t = rng.choice(UA_STYPE_LAT[a["stype"]])
            s = translit_ua(a["street"], system)
            n = translit_ua(n, "kmu")
            pats = [("{s} {t}, {n}" + (", apt {u}" if u else ""), 4), ("{t} {s}, {n}" + (", kv. {u}" if u else ""), 3),
                    ("{n} {s} {t}" + (", apt. {u}" if u else ""), 2), ("{s} {t} {n}" + ("/{u}" if u else ""), 2)]
        pat = wchoice(rng, [x for x, _ in pats], [w for _, w in pats])
        return pat.format(t=t, s=s, n=n, u=u)
    if cc == "TH":
        thai = script == "thai"
        parts = [a["num"]]
        if a.get("moo"):
            parts.append(wchoice(rng, ["หมู่ " + a["moo"], "ม." + a["moo"], "ม. " + a["moo"]], [4, 4, 2]) if thai
                         else rng.choice(["Moo " + a["moo"], "M. " + a["moo"], "Moo" + a["moo"]]))
        road = a.get("road")
        if road and a.get("soi"):
            parts.append(rng.choice(["ซอย", "ซ.", "ซ. "]) + road[0] + " " + a["soi"] if thai
                         else "Soi " + rng.choice(road[1:]) + " " + a["soi"])
        if road:
            parts.append(rng.choice(["ถนน", "ถ.", "ถ. "]) + road[0] if thai
                         else rng.choice(road[1:]) + rng.choice([" Road", " Rd.", " Rd", ""]))
        sep = " " if thai else rng.choice([", ", " "])
        return sep.join(parts)
    if cc in ("US", "CA", "GB"):
        t = a["stype"]
        if chance(rng, 0.6):
            t = EN_ABBR[t] + ("." if cc == "US" and chance(rng, 0.2) else "")
        line = "%s %s %s" % (n, a["street"], t)
        if u:
            if cc == "GB":
                line = rng.choice(["%s, %s" % (u, line), "%s %s" % (u, line), "%s, %s" % (line, u)])
            else:
                line = rng.choice(["%s %s" % (line, u), "%s, %s" % (line, u), "%s %s" % (line, u.replace("Apt ", "Apt. "))])
        return line.upper() if chance(rng, 0.05) else line
    if cc == "DE":
        s = a["street"]
        r = rng.random()
        if s.endswith("straße"):
            if r < 0.35:
                s = s[:-6] + "str."
            elif r < 0.5:
                s = s[:-6] + "strasse"
            elif r < 0.55:
                s = s[:-6] + " Str."
        return "%s %s" % (s, n) if chance(rng, 0.95) else "%s%s" % (s, n)
    if cc == "FR":
        s = a["street"]
        first, _, rest = s.partition(" ")
        ab = {"rue": ["rue", "r.", "Rue"], "avenue": ["avenue", "av.", "Av."], "boulevard": ["boulevard", "bd", "Bd"],
              "place": ["place", "pl."], "allée": ["allée", "all."], "impasse": ["impasse", "imp."], "chemin": ["chemin", "ch."]}
        if first.lower() in ab:
            s = rng.choice(ab[first.lower()]) + " " + rest
        line = rng.choice(["%s %s", "%s, %s", "%s %s"]) % (n, s)
        if u:
            line = rng.choice(["%s, %s" % (line, u), "%s %s" % (u, line)])
        return line.upper() if chance(rng, 0.1) else line
    if cc == "PL":
        t = {"ulica": ["ul.", "ul.", "ulica", "", "UL."], "aleja": ["al.", "Al.", "aleja"], "plac": ["pl.", "plac"],
             "osiedle": ["os.", "osiedle"]}[a["stype"]]
        t = rng.choice(t)
        unit = ""
        if u:
            unit = rng.choice(["/" + u, "/" + u, " m. " + u, " lok. " + u, " m." + u])
        return ("%s %s %s%s" % (t, a["street"], n, unit)).strip()
    if cc == "IT":
        t = {"Via": ["Via", "Via", "V."], "Viale": ["Viale", "V.le"], "Piazza": ["Piazza", "P.zza", "P.za"],
             "Corso": ["Corso", "C.so"]}[a["stype"]]
        line = rng.choice(["%s %s, %s", "%s %s %s"]) % (rng.choice(t), a["street"], n)
        return line + (", " + u if u else "")
    if cc == "ES":
        t = {"Calle": ["Calle", "C/", "C/ ", "c/", "Calle"], "Avenida": ["Avenida", "Avda.", "Av."], "Plaza": ["Plaza", "Pza.", "Pl."],
             "Paseo": ["Paseo", "Pº", "P.º"]}[a["stype"]]
        t = rng.choice(t)
        line = ("%s%s, %s" if t.endswith("/") else "%s %s, %s") % (t, a["street"], n)
        return line + (", " + u if u and chance(rng, 0.8) else "")
    if cc == "NL":
        s = a["street"]
        if s.endswith("straat") and chance(rng, 0.25):
            s = s[:-6] + "str."
        unit = ""
        if u:
            unit = rng.choice(["", " ", "-"]) + u if not u.startswith("-") else u
        return "%s %s%s" % (s, n, unit)
    if cc == "CZ":
        return rng.choice(["%s %s", "%s %s", "ul. %s %s"]) % (a["street"], n if chance(rng, 0.8) else n.split("/")[-1])
    if cc == "BR":
        t = {"Rua": ["Rua", "R."], "Avenida": ["Avenida", "Av."], "Alameda": ["Alameda", "Al."], "Travessa": ["Travessa", "Tv."]}[a["stype"]]
        line = "%s %s, %s" % (rng.choice(t), a["street"], n)
        if u:
            line += rng.choice([", " + u, " " + u.replace("apto", "ap"), " - " + u])
        if chance(rng, 0.5):
            line += " - " + a["bairro"]
        return line
    raise ValueError(cc)


def district_text(rng, a, script):
    """Thai sub-district + district (แขวง/เขต or ตำบล/อำเภอ)."""
    bkk = a["city"][3] == "BKK"
    if script == "thai":
        if bkk:
            return ("แขวง" + a["sub"][0], rng.choice(["เขต", "เขต", ""]) + a["district"][0])
        return (rng.choice(["ตำบล", "ต.", "ต. "]) + a["sub"][0], rng.choice(["อำเภอ", "อ.", "อ. "]) + a["district"][0])
    if bkk:
        return (rng.choice(["", "Khwaeng "]) + a["sub"][1], rng.choice(["", "Khet "]) + a["district"][1])
    return (rng.choice(["", "T. ", "Tambon "]) + a["sub"][1], rng.choice(["", "A. ", "Amphoe "]) + a["district"][1])


def postal_text(rng, a):
    p, cc = a["postal"], a["cc"]
    if cc in ("GB", "CA"):
        r = rng.random()
        return p.replace(" ", "") if r < 0.1 else (p.lower() if r < 0.13 else p)
    if cc in ("NL", "CZ"):
        return p.replace(" ", "") if chance(rng, 0.4) else p
    if cc in ("PL", "BR"):
        return p.replace("-", "") if chance(rng, 0.1) else p
    if cc == "US" and chance(rng, 0.1):
        return p + "-%04d" % rng.randrange(10000)
    return p


def full_address(rng, a, script, system="kmu", with_city=True):
    """One-line address the way a single 'Address' column holds it."""
    cc = a["cc"]
    st = street_text(rng, a, script, system)
    city = city_text(rng, a, script, system)
    pc = postal_text(rng, a)
    if cc == "UA":
        if script == "cyr":
            order = rng.random()
            if order < 0.5:
                return "%s, %s" % (city, st) if with_city else st
            return ("%s, %s, %s" % (pc, city, st)) if with_city else st
        return ("%s, %s, %s" % (st, city, pc)) if with_city else st
    if cc == "TH":
        sub, dist = district_text(rng, a, script)
        prov = city_text(rng, a, script)
        if script == "thai":
            return " ".join(x for x in [st, sub, dist, prov if with_city else "", pc if with_city else ""] if x)
        return ", ".join(x for x in [st, sub, dist, (prov + " " + pc) if with_city else ""] if x)
    if not with_city:
        return st
    if cc in ("US", "CA"):
        return "%s, %s, %s %s" % (st, city, a["city"][2], pc)
    if cc == "GB":
        return "%s, %s %s" % (st, city, pc) if chance(rng, 0.5) else "%s, %s, %s" % (st, city, pc)
    if cc == "BR":
        return "%s, %s - %s, %s" % (st, city, a["city"][2], pc)
    return "%s, %s %s" % (st, pc, city)


# =============================================================================================
# Appearances: one record of one person in one export
# =============================================================================================

class App:
    def __init__(self, p, src, when):
        self.p, self.src, self.when = p, src, when
        self.tags = []
        self.f = {}        # chosen facts: email, mobile, home, work, addr, birth, org, ...
        self.name = {}     # given, middle, family, suffix, title, script


def state(p, when):
    fam = p.family
    th_fam = p.th_family
    married = None
    if p.maiden and when < p.marriage:
        fam, th_fam, married = p.maiden, (p.th_maiden or p.th_family), False
    elif p.maiden:
        married = True
    email = p.email_old if (p.email_old and when < p.email_change) else p.email
    mobile = p.mobile_old if (p.mobile_old and when < p.mobile_change) else p.mobile
    addr = p.addr_old if (p.addr_old and when < p.move) else p.addr
    return fam, th_fam, married, email, mobile, addr


SCRIPT_NATIVE = {  # P(native script) for UA / TH people per source kind
    "UA": {"ua": 0.95, "crm": 0.15, "xlsx": 0.08, "outlook": 0.3, "google": 0.3, "jsonl": 0.35},
    "TH": {"th": 0.95, "crm": 0.3, "xlsx": 0.1, "outlook": 0.3, "google": 0.35, "jsonl": 0.4},
}


def salutation(rng, p, married, latin, cc_of_source):
    g = p.gender
    if p.cc == "TH" and not latin:
        if g == "M":
            return wchoice(rng, ["นาย", "คุณ"], [8, 2])
        return wchoice(rng, ["นาง" if married or (married is None and chance(rng, 0.5)) else "นางสาว", "คุณ"], [8, 2])
    if p.cc == "TH":
        return wchoice(rng, ["Mr." if g == "M" else ("Mrs." if married else rng.choice(["Miss", "Ms."])), "Khun"], [8, 2])
    if p.cc == "UA" and not latin:
        return rng.choice(["пан", "п."]) if g == "M" else rng.choice(["пані", "п."])
    if cc_of_source == "DE" or (p.cc == "DE" and not latin):
        return "Herr" if g == "M" else "Frau"
    if cc_of_source == "PL":
        return "Pan" if g == "M" else "Pani"
    if cc_of_source == "CZ":
        return "pan" if g == "M" else "paní"
    if g == "M":
        return rng.choice(["Mr", "Mr."]) if chance(rng, 0.95) else "Dr."
    return rng.choice(["Mrs", "Mrs."]) if married else rng.choice(["Ms", "Ms.", "Miss"])


def make_app(world, p, src, when, index, prev):
    """Decide which facts this record carries and how the name looks. `prev`: the keys of the
    person's earlier records, so that every record shares at least one identifier with them
    (otherwise no matcher could or should link it)."""
    rng = world.rng
    app = App(p, src, when)
    fam, th_fam, married, email, mobile, addr = state(p, when)
    if married is not None:
        app.tags.append("surname=" + ("married" if married else "maiden"))
    if p.addr_old:
        app.tags.append("addr=" + ("old" if addr is p.addr_old else "new"))
    if p.email_old and not p.maiden:
        app.tags.append("email=" + ("old" if email == p.email_old else "new"))
    if p.mobile_old:
        app.tags.append("mobile=" + ("old" if mobile is p.mobile_old else "new"))
    pres = src.presence
    f = app.f
    business = p.org is not None and chance(rng, pres.get("business", 0.6))
    if business:
        app.tags.append("as=work")
        if chance(rng, pres.get("org", 0.8)):
            f["org"] = p.org
        if p.role_email and chance(rng, 0.35):
            f["email"] = p.role_email
            app.tags.append("role_email")
        elif chance(rng, pres.get("email", 0.8)):
            f["email"] = p.work_email if chance(rng, 0.8) or not email else email
        if chance(rng, pres.get("work", 0.7)):
            f["work"] = p.work
            if p.ext and chance(rng, 0.7):
                f["ext"] = p.ext
        if mobile and chance(rng, pres.get("mobile", 0.7) * 0.7):
            f["mobile"] = mobile
        if chance(rng, pres.get("addr", 0.7)):
            f["addr"] = p.org_addr
    else:
        if email and chance(rng, pres.get("email", 0.8)):
            f["email"] = email
        if mobile and chance(rng, pres.get("mobile", 0.8)):
            f["mobile"] = mobile
        if p.home and chance(rng, pres.get("home", 0.3) * (2.2 if "mobile" not in f else 1)):
            f["home"] = p.home
        if chance(rng, pres.get("addr", 0.7)):
            f["addr"] = addr
    if chance(rng, pres.get("birth", 0.3)):
        f["birth"] = p.birth
    keys = app_keys(app)
    if index > 0 and not (keys & set(prev)):
        # force one identifier the earlier records carry, if this export has a column for it
        cands = [k for k in prev if src.supports(k[0])]
        if cands:
            k = rng.choice(sorted(cands, key=str))
            kind, val = prev[k]
            f[kind] = val
            app.tags.append("forced_link")
    if not f.get("email") and not f.get("mobile") and not f.get("home") and not f.get("work") and not f.get("addr"):
        if mobile and src.supports("mobile"):
            f["mobile"] = mobile
        elif email and src.supports("email"):
            f["email"] = email
    app.keys = app_keys(app)
    app.key_vals = {}
    for kind in ("email", "mobile", "home", "work", "addr", "birth"):
        if f.get(kind) is not None:
            app.key_vals[key_of(kind, f[kind])] = (kind, f[kind])
    make_name(world, app, fam, th_fam, married)
    return app


def key_of(kind, v):
    if kind in ("mobile", "home", "work"):
        return ("phone", pn.format_number(v, PF.E164))
    if kind == "addr":
        return ("addr", v["id"])
    if kind == "email":
        return ("email", v.lower())
    return (kind, str(v))


def app_keys(app):
    out = set()
    for kind in ("email", "mobile", "home", "work", "addr", "birth"):
        v = app.f.get(kind)
        if v is not None and not (kind == "email" and "role_email" in app.tags):
            out.add(key_of(kind, v))
    return out


def make_name(world, app, fam, th_fam, married):
    rng, p, src = world.rng, app.p, app.src
    noise = src.noise
    cc = p.cc
    tags = app.tags
    native_p = SCRIPT_NATIVE.get(cc, {}).get(src.kind, 0.0) if cc in ("UA", "TH") else 1.0
    if cc in ("UA", "TH") and not src.can_native(cc):
        native_p = 0.0
    native = chance(rng, native_p)
    given, middle, suffix = p.given, None, p.suffix
    system = None
    if cc == "UA":
        g_cyr = p.given
        if p.nicks and chance(rng, noise["nick"]):
            g_cyr = rng.choice(p.nicks)
            tags.append("nick")
        if native:
            script = "cyr"
            if chance(rng, 0.08) and g_cyr == p.given and p.given_ru != p.given:
                g_cyr = p.given_ru  # a Russian-speaking clerk writes Александр for Олександр
                tags.append("ru_form")
            given, family, middle = g_cyr, fam, p.patronymic
        else:
            script = "lat"
            system = ua_latin_system(rng, p, src.kind_detail)
            tags.append("translit=" + system)
            if g_cyr == p.given:
                given, family = latin_name(p, system, family=fam)
            else:
                given = translit_ua("".join(_RU_CYR.get(c, c) for c in g_cyr) if system == "russian" else g_cyr, system)
                family = translit_ua(fam, system)
            middle = translit_ua(p.patronymic, system) if chance(rng, 0.15) else None
    elif cc == "TH":
        if native:
            script = "thai"
            given, family = p.th_given[0], "".join(x[0] for x in th_fam)
        else:
            script = "lat"
            system = p.own_system if chance(rng, 0.6) else "rtgs"
            tags.append("roman=" + ("own" if system == p.own_system else system))
            given, family = latin_name(p, system, family=th_fam)
    else:
        script = "native"
        family = fam
        middle = p.middle
        if p.nicks and chance(rng, noise["nick"]):
            given = rng.choice(p.nicks)
            tags.append("nick")
    tags.append("script=" + script)
    # noise on the name
    if chance(rng, noise["typo"]):
        if chance(rng, 0.5):
            given = cyr_typo(rng, given) if script == "cyr" else (thai_typo(rng, given) if script == "thai" else typo(rng, given))
        else:
            family = cyr_typo(rng, family) if script == "cyr" else (thai_typo(rng, family) if script == "thai" else typo(rng, family))
        tags.append("typo_name")
    if script != "thai" and chance(rng, noise["initial"]):
        given = given[0] + ("." if chance(rng, 0.7) else "")
        tags.append("initial")
    if script in ("native", "lat") and (not given.isascii() or not family.isascii()):
        if chance(rng, noise["nodiac"]):
            if cc == "DE" and chance(rng, 0.5):
                given, family = german_fold(given), german_fold(family)
            given, family = fold(given), fold(family)
            middle = fold(middle) if middle else middle
            tags.append("nodiac")
    if script != "thai" and chance(rng, noise["case"]):
        r = rng.random()
        if r < 0.5:
            family = family.upper()
        elif r < 0.75:
            given, family = given.upper(), family.upper()
        else:
            given, family = given.lower(), family.lower()
        tags.append("case")
    if chance(rng, noise["swap"]):
        given, family = family, given
        tags.append("swap")
    if married is None and p.gender == "F":
        married = (TODAY - p.birth).days > 30 * 365 and hash_pick(p.eid, 3) > 0
    title = salutation(rng, p, married, script == "lat" or (script == "native" and cc != src.cc), src.cc)
    app.name = {"given": given, "family": family, "middle": middle, "suffix": suffix, "title": title,
                "script": script, "system": system}
    if suffix:
        tags.append("suffix")
    # the e-mail, as typed
    e = app.f.get("email")
    if e:
        if chance(rng, noise["email_case"]):
            e = e[0].upper() + e[1:] if chance(rng, 0.5) else e.upper() if chance(rng, 0.2) else re.sub(r"^([a-z])([a-z]*)\.([a-z])", lambda m: m.group(1).upper() + m.group(2) + "." + m.group(3).upper(), e)
            tags.append("email_case")
        if chance(rng, noise["email_typo"]):
            local, dom = e.split("@", 1)
            if dom in T.EMAIL_TYPOS and chance(rng, 0.6):
                dom = rng.choice(T.EMAIL_TYPOS[dom])
            else:
                local = typo(rng, local) if len(local) > 4 else local + "1"
            e = local + "@" + dom
            tags.append("email_typo")
        if chance(rng, 0.02):
            e = " " + e + " "
        app.email_text = e
    else:
        app.email_text = ""


def thai_typo(rng, s):
    marks = "่้๊๋์"
    idx = [i for i, c in enumerate(s) if c in marks]
    if idx and chance(rng, 0.7):
        i = rng.choice(idx)
        return s[:i] + s[i + 1:]
    if len(s) > 3:
        i = rng.randrange(1, len(s) - 1)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s


# =============================================================================================
# Exports
# =============================================================================================

TH_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def be_date(rng, d, allow_ce=True):
    """Thai branch dates: Buddhist era (CE + 543), DD/MM/YYYY, sometimes a Thai month abbreviation."""
    r = rng.random()
    y = d.year + 543
    if allow_ce and r < 0.03:
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)  # someone typed the CE year
    if r < 0.10:
        return "%d %s %d" % (d.day, TH_MONTHS[d.month - 1], y)
    if r < 0.25:
        return "%d/%d/%d" % (d.day, d.month, y)
    return "%02d/%02d/%04d" % (d.day, d.month, y)


class Source:
    kind = ""
    kind_detail = ""
    cc = None
    encoding = "utf-8"
    delimiter = ","
    newline = "\r\n"
    presence = {}
    noise = dict(nick=0.1, typo=0.04, initial=0.03, nodiac=0.2, case=0.06, swap=0.02, email_case=0.08, email_typo=0.03)
    columns = []
    key_fields = ()

    def __init__(self, world, name):
        self.world, self.rng, self.name = world, world.rng, name
        self.apps = []

    def supports(self, kind):
        return kind in self.key_fields

    def can_native(self, cc):
        return True

    def order(self):
        self.apps.sort(key=lambda a: a.when)

    def rows(self):
        self.order()
        return [self.render(a, i) for i, a in enumerate(self.apps)]


def nonempty_phone(rng, app, ctx, row_cc, order=("mobile", "home", "work"), latin_only=False):
    out = []
    for k in order:
        v = app.f.get(k)
        if v is not None:
            out.append(phone_text(rng, v, ctx, row_cc, app.f.get("ext") if k == "work" else None, latin_only))
    return out


def loc_of(app):
    """Address for city/postcode columns: the chosen one, else the current one (not a key then)."""
    return app.f.get("addr") or state(app.p, app.when)[5]


def latin_street(rng, app, a):
    """Street text for a Latin-script row (transliterated for UA/TH people)."""
    if a["cc"] == "UA":
        return street_text(rng, a, "lat", app.name.get("system") or "kmu")
    if a["cc"] == "TH":
        return street_text(rng, a, "lat")
    return street_text(rng, a, "native")


def row_script(app):
    """Script to write this row's address in: follows the name."""
    s = app.name["script"]
    return "cyr" if s == "cyr" else ("thai" if s == "thai" else "lat")


class UABranch(Source):
    kind = kind_detail = "ua"
    cc = "UA"
    encoding = "cp1251"
    delimiter = ";"
    presence = dict(email=0.6, mobile=0.85, home=0.35, addr=0.85, birth=0.55, business=0.2, work=0.5, org=0.5)
    noise = dict(nick=0.04, typo=0.05, initial=0.03, nodiac=0.0, case=0.06, swap=0.0, email_case=0.05, email_typo=0.03)
    LAYOUTS = {
        "A": ["№", "ПІБ", "Дата народження", "Телефон", "E-mail", "Адреса", "Місто", "Індекс", "Дата реєстрації", "Примітка"],
        "B": ["Код клієнта", "Прізвище", "Ім'я", "По батькові", "Моб. телефон", "Дом. телефон", "Ел. пошта",
              "Вулиця, буд., кв.", "Населений пункт", "Область", "Поштовий індекс", "Дата народження", "Створено"],
        "C": ["Код", "Найменування", "Телефони", "Адреса електронної пошти", "Фактична адреса", "Дата народження", "Дата створення"],
    }
    key_fields = ("email", "mobile", "home", "work", "addr", "birth")

    def __init__(self, world, name, layout):
        super().__init__(world, name)
        self.layout = layout
        self.columns = self.LAYOUTS[layout]
        if layout == "B":
            self.noise = dict(self.noise, swap=0.02)

    def can_native(self, cc):
        return cc != "TH"

    def pib(self, app):
        rng, n = self.rng, app.name
        g, f, m = n["given"], n["family"], n["middle"]
        if n["script"] != "cyr":
            return "%s %s" % (f, g) if chance(rng, 0.5) else "%s %s" % (g, f)
        r = rng.random()
        if r < 0.62 and m:
            return "%s %s %s" % (f, g, m)
        if r < 0.78:
            return "%s %s" % (f, g)
        if r < 0.86 and m:
            app.tags.append("initials_pib")
            return "%s %s.%s." % (f, g[0], m[0]) if chance(rng, 0.6) else "%s %s. %s." % (f, g[0], m[0])
        if r < 0.92:
            app.tags.append("given_first")
            return "%s %s" % (g, f)
        return "%s %s %s" % (f, g, m or "")

    def addr_line(self, app, a, with_city):
        if row_script(app) == "cyr" and a["cc"] == "UA":
            return full_address(self.rng, a, "cyr", with_city=with_city)
        return full_address(self.rng, a, "lat" if a["cc"] in ("UA", "TH") else "native", app.name.get("system") or "kmu", with_city=with_city)

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        a = f.get("addr")
        loc = loc_of(app)
        dfmt = lambda d: d.strftime("%d.%m.%Y") if d else ""  # noqa: E731
        phones = nonempty_phone(rng, app, "local", "UA")
        script = "cyr" if n["script"] == "cyr" else "lat"
        city = city_text(rng, loc, script) if loc["cc"] in ("UA",) else city_text(rng, loc, "native")
        created = app.when.strftime("%d.%m.%Y") if chance(rng, 0.7) else app.when.strftime("%d.%m.%Y %H:%M")
        if self.layout == "A":
            tel = phones[0] if phones else ""
            if tel and chance(rng, 0.06):
                tel = rng.choice(["моб. ", "тел. ", "м.т. "]) + tel
            if len(phones) > 1 and chance(rng, 0.3):
                tel = ", ".join(phones)
            note = wchoice(rng, ["", "постійний клієнт", "VIP", "дзвонити після 18:00", "знижка 5%", "не турбувати"], [80, 5, 3, 4, 4, 2])
            return [str(i + 1), self.pib(app), dfmt(f.get("birth")), tel, app.email_text,
                    self.addr_line(app, a, False) if a else "", city if (a or chance(rng, 0.5)) else "",
                    a["postal"] if a and chance(rng, 0.8) else "", created, note]
        if self.layout == "B":
            mob = phone_text(rng, f["mobile"], "local", "UA") if f.get("mobile") else ""
            home = f.get("home") or f.get("work")
            home = phone_text(rng, home, "local", "UA", f.get("ext") if f.get("work") else None) if home else ""
            g, fam, m = n["given"], n["family"], n["middle"] if n["script"] == "cyr" and chance(rng, 0.8) else ""
            region = region_text(rng, loc, script) if loc["cc"] == "UA" else ""
            return ["КЛ-%06d" % (1000 + i * 7 + rng.randrange(7)), fam, g, m or "", mob, home, app.email_text,
                    self.addr_line(app, a, False) if a else "", city, region,
                    a["postal"] if a else "", dfmt(f.get("birth")), created]
        # C: 1C counterparties
        tel = ", ".join(phones) if phones else ""
        return ["%09d" % (100 + i), self.pib(app), tel, app.email_text, self.addr_line(app, a, True) if a else "",
                dfmt(f.get("birth")), app.when.strftime("%d.%m.%Y %H:%M:%S")]


class THBranch(Source):
    kind = kind_detail = "th"
    cc = "TH"
    encoding = "cp874"
    delimiter = ","
    presence = dict(email=0.55, mobile=0.88, home=0.3, addr=0.85, birth=0.5, business=0.2, work=0.5, org=0.5)
    noise = dict(nick=0.0, typo=0.05, initial=0.0, nodiac=0.0, case=0.03, swap=0.0, email_case=0.05, email_typo=0.03)
    LAYOUTS = {
        "A": ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "วันเกิด", "เบอร์มือถือ", "เบอร์บ้าน", "อีเมล", "ที่อยู่",
              "แขวง/ตำบล", "เขต/อำเภอ", "จังหวัด", "รหัสไปรษณีย์", "วันที่สมัคร"],
        "B": ["ชื่อ-นามสกุล", "เบอร์โทร", "อีเมล์", "ที่อยู่", "จังหวัด", "รหัสไปรษณีย์", "วันที่ลงทะเบียน", "หมายเหตุ"],
        "C": ["รหัสลูกค้า", "ชื่อลูกค้า", "โทรศัพท์", "E-mail", "ที่อยู่จัดส่ง", "วันเกิด", "สาขา"],
    }
    key_fields = ("email", "mobile", "home", "work", "addr", "birth")

    def __init__(self, world, name, layout):
        super().__init__(world, name)
        self.layout = layout
        self.columns = self.LAYOUTS[layout]
        if layout == "A":
            self.noise = dict(self.noise, swap=0.02)

    def can_native(self, cc):
        return cc != "UA"

    def full_name(self, app):
        rng, n = self.rng, app.name
        if n["script"] != "thai":
            t = n["title"] + " " if chance(rng, 0.4) else ""
            return t + n["given"] + " " + n["family"]
        t = n["title"]
        r = rng.random()
        if r < 0.45:
            return t + n["given"] + " " + n["family"]     # glued: นายสมชาย ใจดี
        if r < 0.7:
            return t + " " + n["given"] + " " + n["family"]
        if r < 0.8:
            return n["given"] + "  " + n["family"]         # double space, as typed
        return n["given"] + " " + n["family"]

    def phone(self, num, ext=None):
        t = phone_text(self.rng, num, "local", "TH", ext)
        if chance(self.rng, 0.03):
            t = t.translate(THAI_DIGITS)
        return t

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        a = f.get("addr")
        loc = loc_of(app)
        script = "thai" if n["script"] == "thai" else "lat"
        created = be_date(rng, app.when.date())
        birth = be_date(rng, f["birth"]) if f.get("birth") else ""
        thai_addr = a is not None and a["cc"] == "TH"
        if self.layout == "A":
            mob = self.phone(f["mobile"]) if f.get("mobile") else ""
            home = f.get("home") or f.get("work")
            home = self.phone(home, f.get("ext") if f.get("work") else None) if home else ""
            if a and thai_addr:
                sub, dist = district_text(rng, a, script)
                prov = city_text(rng, a, script)
                street = street_text(rng, a, script)
            elif a:
                sub, dist, prov, street = "", "", city_text(rng, a, "native"), latin_street(rng, app, a)
            else:
                sub, dist, street = "", "", ""
                prov = city_text(rng, loc, script) if loc["cc"] == "TH" and chance(rng, 0.6) else ""
            title = n["title"] if chance(rng, 0.9) else ""
            return [str(i + 1), title, n["given"], n["family"], birth, mob, home, app.email_text, street, sub, dist, prov,
                    a["postal"] if a and chance(rng, 0.9) else "", created]
        phones = [self.phone(f[k], f.get("ext") if k == "work" else None) for k in ("mobile", "home", "work") if f.get(k)]
        tel = phones[0] if phones else ""
        if len(phones) > 1 and chance(rng, 0.4):
            tel = rng.choice([", ", " / ", " หรือ "]) .join(phones)
        if self.layout == "B":
            if a and thai_addr:
                sub, dist = district_text(rng, a, script)
                street = " ".join([street_text(rng, a, script), sub, dist]) if script == "thai" else ", ".join([street_text(rng, a, script), sub, dist])
                prov = city_text(rng, a, script)
            elif a:
                street, prov = latin_street(rng, app, a), city_text(rng, a, "native")
            else:
                street, prov = "", (city_text(rng, loc, script) if loc["cc"] == "TH" and chance(rng, 0.5) else "")
            note = wchoice(rng, ["", "ลูกค้าประจำ", "VIP", "โทรก่อนส่ง", "สมาชิกใหม่"], [82, 6, 3, 5, 4])
            return [self.full_name(app), tel, app.email_text, street, prov, a["postal"] if a else "", created, note]
        # C
        if a and thai_addr:
            addr = full_address(rng, a, script)
        elif a:
            addr = full_address(rng, a, "native")
        else:
            addr = ""
        branch = rng.choice(["สาขาสีลม", "สาขาเชียงใหม่", "สำนักงานใหญ่", "สาขาภูเก็ต", "Online"])
        return ["C%07d" % (20000 + i * 3), self.full_name(app), tel, app.email_text, addr, birth, branch]


def country_text(rng, cc, style="mixed", encoding=None):
    names = T.COUNTRY_NAMES[cc]
    if encoding:
        names = [x for x in names if fits(x, encoding)]
    if style == "iso":
        return cc
    if style == "english":
        return names[0]
    return wchoice(rng, names, [10] + [3] * (len(names) - 1))


class CRM(Source):
    """The old CRM's UTF-8-with-BOM dump: Salesforce, HubSpot, Dynamics or Zoho shaped."""
    kind = kind_detail = "crm"
    encoding = "utf-8-sig"
    presence = dict(email=0.9, mobile=0.7, home=0.3, work=0.7, addr=0.75, birth=0.3, org=0.9, business=0.75)
    noise = dict(nick=0.1, typo=0.04, initial=0.03, nodiac=0.25, case=0.08, swap=0.03, email_case=0.1, email_typo=0.03)
    LAYOUTS = {
        "salesforce": ["Id", "Salutation", "FirstName", "LastName", "Suffix", "Title", "Account Name", "Email", "Phone",
                       "MobilePhone", "HomePhone", "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode",
                       "MailingCountry", "Birthdate", "CreatedDate"],
        "hubspot": ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number", "Company Name",
                    "Street Address", "City", "State/Region", "Postal Code", "Country/Region", "Create Date",
                    "Lifecycle Stage", "Contact owner"],
        "dynamics": ["(Do Not Modify) Contact", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Full Name",
                     "Company Name", "Email", "Business Phone", "Mobile Phone", "Address 1: Street 1", "Address 1: Street 2",
                     "Address 1: City", "Address 1: State/Province", "Address 1: ZIP/Postal Code", "Address 1: Country/Region",
                     "Birthday", "Created On"],
        "zoho": ["Record Id", "Salutation", "First Name", "Last Name", "Account Name", "Email", "Secondary Email", "Phone",
                 "Mobile", "Mailing Street", "Mailing City", "Mailing State", "Mailing Zip", "Mailing Country",
                 "Date of Birth", "Created Time"],
    }

    def __init__(self, world, name, layout):
        super().__init__(world, name)
        self.layout = layout
        self.columns = self.LAYOUTS[layout]
        self.key_fields = ("email", "mobile", "work", "addr") + (("home",) if layout == "salesforce" else ()) + \
            (("birth",) if layout in ("salesforce", "dynamics", "zoho") else ())
        if layout == "hubspot":
            self.presence = dict(self.presence, birth=0)
        if layout == "dynamics":
            self.noise = dict(self.noise, swap=0.0)

    def street_city(self, app, a):
        rng = self.rng
        if a is None:
            return "", "", "", "", ""
        script = row_script(app)
        if a["cc"] == "UA":
            st = street_text(rng, a, "cyr" if script == "cyr" else "lat", app.name.get("system") or "kmu")
            city = city_text(rng, a, "cyr" if script == "cyr" else "lat")
            region = region_text(rng, a, "cyr" if script == "cyr" else "lat") if chance(rng, 0.4) else ""
        elif a["cc"] == "TH":
            s = "thai" if script == "thai" else "lat"
            sub, dist = district_text(rng, a, s)
            st = (" " if s == "thai" else ", ").join([street_text(rng, a, s), sub, dist])
            city = city_text(rng, a, s)
            region = ""
        else:
            st = street_text(rng, a, "native")
            city = city_text(rng, a, "native")
            region = a["city"][2] if chance(rng, 0.7) else ""
        line2 = ""
        if a.get("unit") and a["cc"] in ("US", "GB", "CA") and chance(rng, 0.15):
            unit = a["unit"]
            st = st.replace(", " + unit, "").replace(unit + ", ", "").replace(" " + unit, "").replace(unit + " ", "")
            line2 = unit
        return st, line2, city, region, postal_text(rng, a)

    def render(self, app, i):
        rng, f, n, p = self.rng, app.f, app.name, app.p
        a = f.get("addr")
        st, line2, city, region, pc = self.street_city(app, a)
        loc = loc_of(app)
        if not a and chance(rng, 0.5):
            city = city_text(rng, loc, "cyr" if n["script"] == "cyr" else ("thai" if n["script"] == "thai" else "lat")) if loc["cc"] in ("UA", "TH") else city_text(rng, loc, "native")
        country = country_text(rng, loc["cc"]) if chance(rng, 0.85) else ""
        org = ""
        if f.get("org"):
            org = f["org"]["native"] if (n["script"] in ("cyr", "thai", "native") and chance(rng, 0.6)) else f["org"]["latin"]
        ph = lambda k: phone_text(rng, f[k], "intl", None, f.get("ext") if k == "work" else None, True) if f.get(k) else ""  # noqa: E731
        birth = f.get("birth")
        if self.layout == "salesforce":
            street = st + ("\n" + line2 if line2 else "")
            sid = "003" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12)) + \
                "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345") for _ in range(3))
            job = rng.choice(["", "", "", "Manager", "Director", "Accountant", "Engineer", "Sales Manager"]) if f.get("org") else ""
            title = n["title"] if n["script"] != "thai" and chance(rng, 0.5) else ""
            return [sid, title, n["given"], n["family"], (n["suffix"] or "") if chance(rng, 0.6) else "", job, org,
                    app.email_text, ph("work") or (ph("home") if chance(rng, 0.3) else ""), ph("mobile"),
                    ph("home") if f.get("home") and not f.get("work") else "", street, city, region, pc, country,
                    birth.isoformat() if birth else "", app.when.strftime("%Y-%m-%dT%H:%M:%S.000Z")]
        if self.layout == "hubspot":
            fam = n["family"] + (" " + n["suffix"] if n["suffix"] and chance(rng, 0.5) else "")
            return [str(5100 + i * 3 + rng.randrange(3)), n["given"], fam, app.email_text, ph("work") or ph("home"),
                    ph("mobile"), org, st + (", " + line2 if line2 else ""), city, region, pc, country,
                    app.when.strftime("%Y-%m-%d %H:%M"), rng.choice(["lead", "customer", "subscriber", "opportunity", "customer"]),
                    rng.choice(["", "Anna Novak", "Tom Becker", "Olena K."])]
        if self.layout == "dynamics":
            full = "%s %s" % (n["given"], n["family"])
            if n["middle"] and chance(rng, 0.3):
                full = "%s %s %s" % (n["given"], n["middle"], n["family"])
            if n["suffix"] and chance(rng, 0.5):
                full += " " + n["suffix"]
            guid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            chk = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(22)) + "=="
            mod = app.when + dt.timedelta(days=rng.randint(0, 400))
            us = lambda d: "%d/%d/%d" % (d.month, d.day, d.year)  # noqa: E731
            return [guid, chk, us(mod) + mod.strftime(" %I:%M %p").replace(" 0", " "), full, org, app.email_text,
                    ph("work") or ph("home"), ph("mobile"), st, line2, city, region, pc, country,
                    us(birth) if birth else "", us(app.when) + app.when.strftime(" %I:%M %p").replace(" 0", " ")]
        # zoho
        sec = ""
        if p.email_old and f.get("email") and chance(rng, 0.3):
            sec = p.email_old if f["email"] != p.email_old else (p.email or "")
        return [str(4876876000000000000 + 312001 + i * 17), n["title"] if chance(rng, 0.4) and n["script"] != "thai" else "",
                n["given"], n["family"], org, app.email_text, sec, ph("work") or ph("home"), ph("mobile"),
                st + (", " + line2 if line2 else ""), city, region, pc, country, birth.isoformat() if birth else "",
                app.when.strftime("%Y-%m-%d %H:%M:%S")]


class XLSXSheet(Source):
    """One sheet of the sales reps' workbook: phones as numbers, dates as real dates."""
    kind = kind_detail = "xlsx"
    presence = dict(email=0.75, mobile=0.85, home=0.15, work=0.6, addr=0.0, birth=0.0, org=0.9, business=0.8)
    noise = dict(nick=0.15, typo=0.06, initial=0.04, nodiac=0.4, case=0.1, swap=0.03, email_case=0.12, email_typo=0.04)

    def __init__(self, world, name, sheet, columns, title_rows, variant):
        super().__init__(world, name)
        self.sheet, self.columns, self.title_rows, self.variant = sheet, columns, title_rows, variant
        self.key_fields = ("email", "mobile", "home", "work") + (("birth",) if variant == "events" else ())
        if variant == "events":
            self.presence = dict(self.presence, birth=0.6, business=0.2)

    def order(self):
        if self.variant == "events":
            self.rng.shuffle(self.apps)
        else:
            self.apps.sort(key=lambda a: a.when)

    def phone_cell(self, num, ext=None):
        if chance(self.rng, 0.75) and not ext:
            return phone_number_cell(self.rng, num)
        return phone_text(self.rng, num, "intl", None, ext, True)

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        loc = loc_of(app)
        script = n["script"]
        if loc["cc"] in ("UA", "TH"):
            city = city_text(rng, loc, "cyr" if script == "cyr" else ("thai" if script == "thai" else "lat"))
        else:
            city = city_text(rng, loc, "native")
        country = country_text(rng, loc["cc"]) if chance(rng, 0.8) else ""
        phone_k = "mobile" if f.get("mobile") else ("work" if f.get("work") else ("home" if f.get("home") else None))
        phone = self.phone_cell(f[phone_k], f.get("ext") if phone_k == "work" else None) if phone_k else None
        org = ""
        if f.get("org"):
            org = f["org"]["latin"] if chance(rng, 0.7) or script == "lat" else f["org"]["native"]
        if self.variant == "leads":
            g, fam = n["given"], n["family"]
            r = rng.random()
            if r < 0.6:
                name = "%s %s" % (g, fam)
            elif r < 0.8:
                name = "%s, %s" % (fam, g)
                app.tags.append("last_comma_first")
            elif r < 0.9:
                name = "%s %s" % (fam.upper(), g)
                app.tags.append("family_first")
            else:
                name = "%s %s %s" % (n["title"], g, fam) if script not in ("thai",) else "%s %s" % (g, fam)
            if n["suffix"] and chance(rng, 0.5):
                name += " " + n["suffix"]
            owner = rng.choice(["Jan K.", "Marta", "Oleh", "Somchai P.", "Steve", "Anna"])
            return [name, org, phone, app.email_text, city, country, app.when.replace(microsecond=0), owner]
        birth = f.get("birth")
        return [n["given"], n["family"], phone, app.email_text, country,
                dt.datetime(birth.year, birth.month, birth.day) if birth else None, app.when.replace(hour=0, minute=0, second=0, microsecond=0)]


class EuroBranch(Source):
    """A European subsidiary's CSV in its legacy code page (cp1250 Polish/Czech, cp1252 German)."""
    kind = "euro"
    delimiter = ";"
    presence = dict(email=0.7, mobile=0.78, home=0.3, work=0.6, addr=0.85, birth=0.45, org=0.8, business=0.5)
    noise = dict(nick=0.06, typo=0.05, initial=0.03, nodiac=0.15, case=0.08, swap=0.03, email_case=0.08, email_typo=0.03)
    LAYOUTS = {
        "PL": ["Lp.", "Imię", "Nazwisko", "Firma", "Telefon", "Tel. komórkowy", "E-mail", "Ulica", "Nr domu", "Nr lokalu",
               "Kod pocztowy", "Miejscowość", "Kraj", "Data urodzenia", "Data dodania"],
        "CZ": ["Č.", "Jméno", "Příjmení", "Firma", "Telefon", "Mobil", "E-mail", "Ulice", "Číslo popisné", "PSČ", "Obec",
               "Stát", "Datum narození", "Vytvořeno"],
        "DE": ["Kundennr.", "Anrede", "Titel", "Vorname", "Nachname", "Firma", "Straße", "PLZ", "Ort", "Land", "Telefon",
               "Mobil", "E-Mail", "Geburtsdatum", "Angelegt am"],
    }
    key_fields = ("email", "mobile", "home", "work", "addr", "birth")

    def __init__(self, world, name, lang):
        super().__init__(world, name)
        self.lang, self.cc = lang, lang
        self.kind_detail = "euro_" + lang.lower()
        self.columns = self.LAYOUTS[lang]
        self.encoding = "cp1252" if lang == "DE" else "cp1250"

    def can_native(self, cc):
        return False

    def split_street(self, app, a):
        """(street, house, flat) for PL/CZ-style split columns."""
        rng = self.rng
        if a["cc"] in ("PL", "CZ", "DE", "NL", "UA") and a.get("street"):
            if a["cc"] == "UA":
                s = translit_ua(a["street"], app.name.get("system") or "kmu")
                return (rng.choice(["ul. ", "vul. ", ""]) + s, a["num"] if a["num"].isascii() else translit_ua(a["num"], "kmu"), a.get("unit") or "")
            s = a["street"]
            if a["cc"] == "PL":
                s = (rng.choice(["ul. ", "ul. ", "", "UL. "]) if a["stype"] == "ulica" else rng.choice(["al. ", "pl. ", "os. "])) + s
            return s, a["num"], (a.get("unit") or "") if a["cc"] in ("PL", "UA") else ""
        return latin_street(rng, app, a), "", ""

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        a = f.get("addr")
        loc = loc_of(app)
        city = city_text(rng, loc, "lat") if loc["cc"] in ("UA", "TH") else city_text(rng, loc, "native")
        if not a and chance(rng, 0.5):
            city = ""
        ph = lambda k: phone_text(rng, f[k], "local", self.cc, f.get("ext") if k == "work" else None) if f.get(k) else ""  # noqa: E731
        org = f["org"]["latin"] if f.get("org") else ""
        if f.get("org") and f["org"]["native"].isascii() is False and app.p.cc not in ("UA", "TH"):
            org = f["org"]["native"]
        birth = f.get("birth")
        land = ph("work") or ph("home")
        country = country_text(rng, loc["cc"], "mixed", self.encoding) if (loc["cc"] != self.cc or chance(rng, 0.5)) else ""
        if self.lang == "PL":
            st, house, flat = self.split_street(app, a) if a else ("", "", "")
            d = lambda x: x.strftime("%d.%m.%Y") if chance(rng, 0.6) else x.strftime("%Y-%m-%d")  # noqa: E731
            return [str(i + 1), n["given"], n["family"], org, land, ph("mobile"), app.email_text, st, house, flat,
                    postal_text(rng, a) if a else "", city, country, d(birth) if birth else "", app.when.strftime("%Y-%m-%d %H:%M")]
        if self.lang == "CZ":
            st, house, _ = self.split_street(app, a) if a else ("", "", "")
            return [str(i + 1), n["given"], n["family"], org, land, ph("mobile"), app.email_text, st, house,
                    postal_text(rng, a) if a else "", city, country,
                    "%d.%d.%d" % (birth.day, birth.month, birth.year) if birth else "", app.when.strftime("%d.%m.%Y")]
        # DE
        anrede = "Herr" if app.p.gender == "M" else "Frau"
        titel = "Dr." if chance(rng, 0.04) else ""
        st = latin_street(rng, app, a) if a else ""
        fam = n["family"] + (" " + n["suffix"] if n["suffix"] and chance(rng, 0.5) else "")
        return ["%05d" % (10000 + i * 3 + rng.randrange(3)), anrede if chance(rng, 0.9) else "", titel, n["given"], fam, org, st,
                postal_text(rng, a) if a else "", city, country, land, ph("mobile"), app.email_text,
                birth.strftime("%d.%m.%Y") if birth else "", app.when.strftime("%d.%m.%Y")]


class Outlook(Source):
    """A rep's Outlook contacts saved as Unicode text: UTF-16LE with BOM, tab-separated."""
    kind = kind_detail = "outlook"
    encoding = "utf-16"
    delimiter = "\t"
    presence = dict(email=0.85, mobile=0.7, home=0.3, work=0.65, addr=0.6, birth=0.3, org=0.9, business=0.7)
    noise = dict(nick=0.15, typo=0.03, initial=0.02, nodiac=0.1, case=0.03, swap=0.02, email_case=0.05, email_typo=0.02)
    columns = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Job Title", "Business Street",
               "Business City", "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
               "Home City", "Home Postal Code", "Home Country/Region", "Business Phone", "Home Phone", "Mobile Phone",
               "E-mail Address", "E-mail 2 Address", "Birthday", "Notes"]
    key_fields = ("email", "mobile", "home", "work", "addr", "birth")

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        a = f.get("addr")
        empty = ["", "", "", "", ""]
        if a:
            s = row_script(app) if a["cc"] in ("UA", "TH") else "native"
            st = street_text(rng, a, s, n.get("system") or "kmu")
            block = [st, city_text(rng, a, s), region_text(rng, a, s) if a["cc"] not in ("UA", "TH") else "",
                     postal_text(rng, a), country_text(rng, a["cc"], "english")]
        else:
            block = empty
        business = "as=work" in app.tags
        bus = block if business else empty
        home = [block[0], block[1], block[3], block[4]] if not business else ["", "", "", ""]
        ph = lambda k: phone_text(rng, f[k], "intl", None, f.get("ext") if k == "work" else None) if f.get(k) else ""  # noqa: E731
        birth = f.get("birth")
        bday = "%d/%d/%d" % (birth.month, birth.day, birth.year) if birth else "0/0/00"
        org = (f["org"]["native"] if chance(rng, 0.5) else f["org"]["latin"]) if f.get("org") else ""
        e2 = ""
        if app.p.email_old and f.get("email") and chance(rng, 0.25):
            e2 = app.p.email_old if f["email"] != app.p.email_old else ""
        return [n["title"] if chance(rng, 0.3) and n["script"] != "thai" else "", n["given"], n["middle"] or "", n["family"],
                n["suffix"] or "", org, "", *bus[:4], bus[4], *home, ph("work"), ph("home"), ph("mobile"),
                app.email_text, e2, bday, ""]


class Google(Source):
    """Google Contacts CSV export (UTF-8): multi-valued cells joined with ' ::: '."""
    kind = kind_detail = "google"
    encoding = "utf-8"
    presence = dict(email=0.9, mobile=0.8, home=0.25, work=0.5, addr=0.4, birth=0.25, org=0.7, business=0.5)
    noise = dict(nick=0.2, typo=0.03, initial=0.03, nodiac=0.1, case=0.05, swap=0.01, email_case=0.05, email_typo=0.02)
    columns = ["First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name",
               "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title",
               "Organization Department", "Birthday", "Notes", "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
               "E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label",
               "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
               "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
               "Address 1 - Extended Address"]
    key_fields = ("email", "mobile", "home", "work", "addr", "birth")
    newline = "\n"

    def order(self):
        self.rng.shuffle(self.apps)

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        ph = [(lbl, phone_text(rng, f[k], "intl", None, f.get("ext") if k == "work" else None))
              for k, lbl in (("mobile", "Mobile"), ("home", "Home"), ("work", "Work")) if f.get(k)]
        p1 = p2 = ("", "")
        if len(ph) >= 2 and chance(rng, 0.3):
            p1 = (ph[0][0], " ::: ".join(x[1] for x in ph))
            app.tags.append("multivalue")
        else:
            if ph:
                p1 = ph[0]
            if len(ph) > 1:
                p2 = ph[1]
        a = f.get("addr")
        addr = ["", "", "", "", "", "", "", "", ""]
        if a:
            s = row_script(app) if a["cc"] in ("UA", "TH") else "native"
            st = street_text(rng, a, s, n.get("system") or "kmu")
            city = city_text(rng, a, s)
            pc = postal_text(rng, a)
            formatted = full_address(rng, a, s, n.get("system") or "kmu")
            addr = ["Work" if "as=work" in app.tags else "Home", formatted, st, city, "", "", pc, country_text(rng, a["cc"], "english"), ""]
        birth = f.get("birth")
        bday = ""
        if birth:
            bday = birth.isoformat() if chance(rng, 0.8) else "--%02d-%02d" % (birth.month, birth.day)
        nick = ""
        if "nick" in app.tags and chance(rng, 0.3):
            nick = n["given"]
        org = (f["org"]["native"] if chance(rng, 0.5) else f["org"]["latin"]) if f.get("org") else ""
        e = app.email_text
        return [n["given"], n["middle"] or "", n["family"], "", "", "", n["title"] if chance(rng, 0.15) and n["script"] != "thai" else "",
                n["suffix"] or "", nick, "", org, "", "", bday, "", "", "* myContacts" + (" ::: Customers" if chance(rng, 0.3) else ""),
                ("* " if e else "") + ("Work" if "as=work" in app.tags else "Home") if e else "", e, "", "",
                p1[0], p1[1], p2[0], p2[1], *addr]


class JSONL(Source):
    """Web-form sign-ups as JSON Lines (UTF-8); three form versions with different keys."""
    kind = kind_detail = "jsonl"
    presence = dict(email=0.98, mobile=0.65, home=0.05, work=0.2, addr=0.0, birth=0.3, org=0.3, business=0.3)
    noise = dict(nick=0.12, typo=0.05, initial=0.02, nodiac=0.3, case=0.15, swap=0.02, email_case=0.15, email_typo=0.05)
    columns = None
    key_fields = ("email", "mobile", "home", "work", "birth")
    newline = "\n"

    def render(self, app, i):
        rng, f, n = self.rng, app.f, app.name
        loc = loc_of(app)
        version = 1 if app.when.year < 2019 else (2 if app.when.year < 2022 else 3)
        phone = None
        for k in ("mobile", "work", "home"):
            if f.get(k):
                phone = phone_text(rng, f[k], "intl", None)
                break
        s = row_script(app) if loc["cc"] in ("UA", "TH") else "native"
        city = city_text(rng, loc, s) if chance(rng, 0.7) else None
        ts = app.when.strftime("%Y-%m-%dT%H:%M:%SZ")
        birth = f.get("birth")
        if version == 1:
            d = {"name": "%s %s" % (n["given"], n["family"]), "email": app.email_text or None, "phone": phone,
                 "country": country_text(rng, loc["cc"], rng.choice(["iso", "english", "mixed"])) if chance(rng, 0.8) else None,
                 "city": city, "signed_up": ts}
        elif version == 2:
            d = {"first_name": n["given"], "last_name": n["family"], "email": app.email_text or None, "tel": phone,
                 "country_code": loc["cc"].lower() if chance(rng, 0.5) else loc["cc"], "zip": loc["postal"] if chance(rng, 0.5) else None,
                 "dob": birth.strftime("%d/%m/%Y") if birth else None, "created_at": ts, "newsletter": chance(rng, 0.5)}
        else:
            d = {"contact": {"full_name": "%s %s" % (n["given"], n["family"]), "email": app.email_text or None,
                             "phone": phone}, "company": (f["org"]["latin"] if f.get("org") else None),
                 "country": country_text(rng, loc["cc"], "english"), "city": city,
                 "birth_date": birth.isoformat() if birth else None, "submitted_at": ts, "utm_source": rng.choice(["google", "facebook", None, "newsletter"])}
        return d


# =============================================================================================
# Putting it together
# =============================================================================================

FIFTH = ["euro", "outlook", "google", "jsonl"]


def choose_layouts(seed, countries, override):
    # rotate through the shapes so that seeds 1, 2, 3, 4 together cover every layout
    lay = {"ua": "ABC"[(seed - 1) % 3], "th": "ABC"[seed % 3],
           "crm": ["salesforce", "hubspot", "dynamics", "zoho"][(seed - 1) % 4], "fifth": FIFTH[(seed - 1) % 4]}
    for kv in (override or "").split(","):
        if kv.strip():
            k, v = kv.split("=", 1)
            lay[k.strip()] = v.strip()
    if lay["fifth"] == "euro":
        if "PL" in countries:
            lay["euro"] = "PL"
        elif "CZ" in countries:
            lay["euro"] = "CZ"
        elif any(c in countries for c in ("DE", "FR", "IT", "ES", "NL")):
            lay["euro"] = "DE"
        else:
            lay["fifth"] = "outlook"
    return lay


def build_sources(world, lay):
    rng = world.rng
    src = []
    ua_names = {"A": "klienty_filiia_kyiv.csv", "B": "ua_branch_clients.csv", "C": "kontrahenty_1c.csv"}
    th_names = {"A": "th_branch_customers.csv", "B": "lukkha_sakha_bangkok.csv", "C": "customers_th_pos.csv"}
    crm_names = {"salesforce": "salesforce_contacts_export.csv", "hubspot": "hubspot-crm-exports-all-contacts-2024-11-30.csv",
                 "dynamics": "Dynamics365_Contacts.csv", "zoho": "Zoho_Contacts_2024_11_30.csv"}
    src.append(UABranch(world, ua_names[lay["ua"]], lay["ua"]))
    src.append(THBranch(world, th_names[lay["th"]], lay["th"]))
    src.append(CRM(world, crm_names[lay["crm"]], lay["crm"]))
    book = "sales_leads_2024.xlsx"
    src.append(XLSXSheet(world, book + "#Leads", "Leads", ["Name", "Company", "Phone", "Email", "City", "Country", "Lead date", "Owner"], 2, "leads"))
    src.append(XLSXSheet(world, book + "#Trade show 2024", "Trade show 2024",
                         ["First name", "Last name", "Mobile", "E-mail", "Country", "Date of birth", "Registered"], 0, "events"))
    fifth = lay["fifth"]
    if fifth == "euro":
        names = {"PL": "klienci_oddzial_warszawa.csv", "CZ": "zakaznici_pobocka_praha.csv", "DE": "kunden_export_niederlassung.csv"}
        src.append(EuroBranch(world, names[lay["euro"]], lay["euro"]))
    elif fifth == "outlook":
        src.append(Outlook(world, "outlook_contacts.txt"))
    elif fifth == "google":
        src.append(Google(world, "google_contacts.csv"))
    elif fifth == "jsonl":
        src.append(JSONL(world, "web_signups.jsonl"))
    else:
        raise SystemExit("unknown fifth source %r" % fifth)
    return src


def source_weight(s, cc):
    home = cc in ("UA", "TH")
    if s.kind == "ua":
        return 0.50 if cc == "UA" else 0.012
    if s.kind == "th":
        return 0.50 if cc == "TH" else 0.012
    if s.kind == "crm":
        return 0.22 if home else 0.40
    if s.kind == "xlsx":
        return (0.10 if home else 0.18) if s.variant == "leads" else (0.06 if home else 0.12)
    if s.kind == "euro":
        if cc == s.cc:
            return 0.45
        if cc in EU:
            return 0.22
        return 0.10 if cc == "UA" else 0.03
    return 0.12 if home else 0.27


def generate(n, seed, countries, layout_override):
    rng = random.Random(seed)
    world = World(rng, countries)
    cweights = [0.22 if c == "UA" else 0.20 if c == "TH" else 0.58 / (len(countries) - 2) for c in countries]
    people = build_population(world, n, countries, cweights)
    lay = choose_layouts(seed, countries, layout_override)
    sources = build_sources(world, lay)
    for p in people:
        k = wchoice(rng, [1, 2, 3, 4, 5], [50, 30, 13, 5, 2])
        times = [p.created] + sorted(p.created + dt.timedelta(seconds=rng.randrange(max(1, int((dt.datetime(2024, 12, 1) - p.created).total_seconds()))))
                                     for _ in range(k - 1))
        prev = {}
        ws = [source_weight(s, p.cc) for s in sources]
        for i, when in enumerate(times):
            s = wchoice(rng, sources, ws)
            app = make_app(world, p, s, when, i, prev)
            prev.update(app.key_vals)
            s.apps.append(app)
    return world, people, sources, lay


def cell(v):
    if v is None:
        return ""
    return v if isinstance(v, str) else str(v)


def write_csv(path, src, rows):
    buf = io.StringIO()
    quoting = csv.QUOTE_ALL if getattr(src, "layout", "") in ("salesforce", "dynamics") else csv.QUOTE_MINIMAL
    w = csv.writer(buf, delimiter=src.delimiter, lineterminator=src.newline, quoting=quoting)
    enc = src.encoding
    legacy = enc not in ("utf-8", "utf-8-sig", "utf-16")
    fixed = []
    for r in [src.columns] + rows:
        r = [cell(c) for c in r]
        if legacy:
            r = [fit_encoding(c, enc) for c in r]
        fixed.append(r)
    w.writerows(fixed)
    text = buf.getvalue()
    if enc == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(enc)
    with open(path, "wb") as fh:
        fh.write(data)
    return fixed[1:]


def write_jsonl(path, rows):
    with open(path, "wb") as fh:
        for d in rows:
            fh.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
    return rows


def write_xlsx(path, sheets):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(2024, 11, 30, 9, 0, 0)
    wb.properties.creator = "sales"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "sales"
    for src, rows in sheets:
        ws = wb.create_sheet(src.sheet)
        if src.title_rows:
            ws.append(["Leads export – Sales team EMEA/APAC, as of 30.11.2024"])
            ws.append([])
        ws.append(src.columns)
        for r in rows:
            ws.append(r)
            rr = ws.max_row
            for ci, v in enumerate(r, start=1):
                if isinstance(v, dt.datetime):
                    ws.cell(row=rr, column=ci).number_format = "DD.MM.YYYY HH:MM" if (v.hour or v.minute) else "DD.MM.YYYY"
    tmp = path + ".tmp"
    wb.save(tmp)
    # openpyxl stamps zip entries with the wall clock: rewrite them with a fixed time
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-11-30T09:00:00Z</dcterms:modified>', data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    os.remove(tmp)


def verify(out, sources, rows_per_source):
    """Re-read every file the way a real reader must, and check it holds what the truth says."""
    for s in sources:
        if s.name not in rows_per_source:
            continue
        fn = os.path.join(out, s.name.split("#")[0])
        data = open(fn, "rb").read()
        if isinstance(s, XLSXSheet):
            import openpyxl
            ws = openpyxl.load_workbook(fn, read_only=True)[s.sheet]
            n = sum(1 for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)) - 1 - (1 if s.title_rows else 0)
        elif isinstance(s, JSONL):
            n = sum(1 for line in data.decode("utf-8").splitlines() if line.strip())
            for line in data.decode("utf-8").splitlines():
                json.loads(line)
        else:
            if s.encoding == "utf-8-sig":
                assert data[:3] == b"\xef\xbb\xbf", fn
            elif s.encoding == "utf-16":
                assert data[:2] == b"\xff\xfe", fn
            elif s.encoding != "utf-8":
                try:
                    data.decode("utf-8")
                    raise AssertionError("%s (%s) decodes as UTF-8: no non-ASCII text?" % (fn, s.encoding))
                except UnicodeDecodeError:
                    pass
            text = data.decode(s.encoding)
            header = next(csv.reader(io.StringIO(text.split(s.newline, 1)[0]), delimiter=s.delimiter))
            assert header == [fit_encoding(c, s.encoding) if s.encoding not in ("utf-8", "utf-8-sig", "utf-16") else c
                              for c in s.columns], (fn, header)
            n = len(list(csv.reader(io.StringIO(text, newline=""), delimiter=s.delimiter))) - 1
        assert n == rows_per_source[s.name], (s.name, n, rows_per_source[s.name])


def write_entities(path, people):
    """DIR.entities.csv: each customer's true values, for scoring golden records (every value the
    person really had: current and old address, e-mail and mobile, work ones). Written after the
    other files and drawing no random numbers, so they stay byte for byte what they were."""
    def e164(num):
        return pn.format_number(num, PF.E164) if num is not None else None
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["entity_id", "country", "postcodes", "emails", "phones", "given", "family"])
        for p in people:
            postcodes = [a["postal"] for a in (p.addr, p.addr_old, p.org_addr) if a and a.get("postal")]
            emails = [e.lower() for e in (p.email, p.email_old, p.work_email, p.role_email) if e]
            phones = [e164(n) for n in (p.mobile, p.mobile_old, p.home, p.work) if n is not None]
            w.writerow([p.eid, p.cc, "|".join(dict.fromkeys(postcodes)), "|".join(dict.fromkeys(emails)),
                        "|".join(dict.fromkeys(phones)), p.given or "", p.family or ""])


def raw_text(r):
    if isinstance(r, dict):
        return json.dumps(r, ensure_ascii=False)
    return " | ".join(cell(c).replace("\n", "⏎") for c in r)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--customers", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (truth/cases/meta are written beside it)")
    ap.add_argument("--countries", default="UA,TH,US,GB,DE,FR,PL",
                    help="ISO codes; UA and TH are always included. Known: " + ",".join(sorted(T.LOCALE)))
    ap.add_argument("--layout", default="", help="override layout choices, e.g. ua=B,th=A,crm=hubspot,fifth=google "
                                                  "(ua/th: A|B|C; crm: salesforce|hubspot|dynamics|zoho; fifth: euro|outlook|google|jsonl)")
    a = ap.parse_args(argv)
    countries = [c.strip().upper() for c in a.countries.split(",") if c.strip()]
    for c in ("TH", "UA"):
        if c not in countries:
            countries.insert(0, c)
    bad = [c for c in countries if c not in T.LOCALE]
    if bad:
        raise SystemExit("unknown country code(s): %s" % ",".join(bad))
    countries = sorted(set(countries), key=countries.index)
    if len(countries) < 3:
        raise SystemExit("need at least one country besides UA and TH")
    world, people, sources, lay = generate(a.customers, a.seed, countries, a.layout)

    out = a.out.rstrip("/")
    os.makedirs(out, exist_ok=True)
    for fn in os.listdir(out):
        os.remove(os.path.join(out, fn))
    truth, cases = [], []
    book_sheets = []
    rows_per_source = {}
    for s in sources:
        rows = s.rows()
        if not rows:
            continue
        if isinstance(s, XLSXSheet):
            book_sheets.append((s, rows))
            written = rows
        elif isinstance(s, JSONL):
            written = write_jsonl(os.path.join(out, s.name), rows)
        else:
            written = write_csv(os.path.join(out, s.name), s, rows)
        rows_per_source[s.name] = len(rows)
        for i, (app, r) in enumerate(zip(s.apps, written), start=1):
            truth.append((s.name, i, app.p.eid))
            keys = ["%s%s" % (k[0][0], hashlib.md5(repr(k).encode()).hexdigest()[:6]) for k in sorted(app.keys, key=repr)]
            tags = ["src=" + s.kind_detail, "cc=" + app.p.cc] + ["grp=" + g for g in app.p.groups] + app.tags + \
                ["keys=" + ",".join(keys), "pname=" + app.p.given + " " + app.p.family]
            cases.append((s.name, i, app.p.eid, ";".join(tags), raw_text(r)))
    if book_sheets:
        write_xlsx(os.path.join(out, book_sheets[0][0].name.split("#")[0]), book_sheets)
    verify(out, sources, rows_per_source)

    with open(out + ".truth.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "row", "entity_id"])
        w.writerows(truth)
    with open(out + ".cases.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "row", "entity_id", "tags", "raw"])
        w.writerows(cases)
    ent_rows = {}
    for _, _, e in truth:
        ent_rows[e] = ent_rows.get(e, 0) + 1
    groups = {}
    for p in people:
        for g in p.groups:
            groups.setdefault(g.split(":")[0], set()).add(g)
    meta = {"customers": len(people), "seed": a.seed, "countries": countries, "layout": lay,
            "rows": rows_per_source, "total_rows": len(truth),
            "entities_in_2plus_rows": sum(1 for v in ent_rows.values() if v > 1),
            "true_pairs": sum(v * (v - 1) // 2 for v in ent_rows.values()),
            "groups": {k: len(v) for k, v in sorted(groups.items())}}
    with open(out + ".meta.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    write_entities(out + ".entities.csv", people)
    print("%s: %d rows from %d customers in %d files (%s); %d true pairs" % (
        out, len(truth), len(people), len(rows_per_source), ", ".join("%s=%d" % kv for kv in rows_per_source.items()),
        meta["true_pairs"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
