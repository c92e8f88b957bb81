"""Address lines as people write them per country: abbreviated or spelled out, in local script or Latin."""

import facts
from world import translit_ua

_UA_LAT_TYPES = {"вул.": ("vul.", "St"), "просп.": ("prosp.", "Ave"), "пров.": ("prov.", "Ln"),
                 "бульв.": ("bulv.", "Blvd")}


def city(e, latin=False, rng=None):
    """(city, region, postcode) in the entity's country."""
    cc = e.country
    if cc == "UA":
        name, region, _, _ = facts.UA_CITIES[e.city]
        if latin:
            name = rng.choice(facts.UA_CITY_LATIN[name]) if rng else facts.UA_CITY_LATIN[name][0]
            region = translit_ua(region.replace(" обл.", "")) + (" Oblast" if region else "")
        return name, region, e.postcode
    if cc == "TH":
        prov = e.extra["province"]
        return (facts.TH_PROVINCE_LATIN.get(prov, prov) if latin else prov), "", e.postcode
    table = {"US": facts.US_CITIES, "GB": facts.GB_CITIES, "DE": facts.DE_CITIES, "FR": facts.FR_CITIES,
             "PL": facts.PL_CITIES}[cc]
    name, region = table[e.city][0], table[e.city][1]
    if cc == "US" and rng and rng.random() < 0.2:
        region = facts.US_STATE_NAMES.get(region, region)
    return name, region, e.postcode


def line(rng, e, latin=False):
    cc = e.country
    if cc == "UA":
        return _ua_latin(rng, e) if latin else _ua(rng, e)
    if cc == "TH":
        return _th_latin(rng, e) if latin else _th(rng, e)
    return {"US": _us, "GB": _gb, "DE": _de, "FR": _fr, "PL": _pl}[cc](rng, e)


def _ua(rng, e):
    abbr, full, _ = facts.UA_STREET_TYPES[e.street_type]
    t = abbr if rng.random() < 0.7 else full
    st, h, u = e.street, e.house, e.unit
    forms = [f"{t} {st}, {h}" + (f", кв. {u}" if u else ""),
             f"{t} {st} {h}" + (f"/{u}" if u else ""),
             f"{t} {st}, буд. {h}" + (f", кв. {u}" if u else ""),
             f"{abbr}{st},{h}" + (f" кв.{u}" if u else ""),
             f"{st} {t}, {h}" + (f", кв.{u}" if u else "")]
    return rng.choice(forms)


def _ua_latin(rng, e):
    abbr, _, _ = facts.UA_STREET_TYPES[e.street_type]
    local, eng = _UA_LAT_TYPES[abbr]
    st = translit_ua(e.street, old_style=rng.random() < 0.3)
    u = e.unit
    if rng.random() < 0.5:
        return f"{local} {st} {e.house}" + (f", kv. {u}" if u else "")
    return f"{e.house} {st} {eng}" + (f", apt {u}" if u else "")


def _th(rng, e):
    x, short = e.extra, rng.random() < 0.65
    parts = [e.house]
    if x["moo"]:
        parts.append(("ม." if short else "หมู่ ") + x["moo"])
    if x["soi"]:
        parts.append(("ซ." if short else "ซอย") + x["soi"])
    parts.append(("ถ." if short else "ถนน") + e.street)
    if x["bkk"]:
        parts.append(("แขวง" if rng.random() < 0.9 else "แขวง ") + x["subdistrict"])
        parts.append(("เขต" if rng.random() < 0.9 else "เขต ") + x["district"])
    else:
        parts.append(("ต." if short else "ตำบล") + x["subdistrict"])
        parts.append(("อ." if short else "อำเภอ") + x["district"])
    return " ".join(parts)


def _th_latin(rng, e):
    road = {"สุขุมวิท": "Sukhumvit", "พหลโยธิน": "Phahonyothin", "รัชดาภิเษก": "Ratchadaphisek",
            "ลาดพร้าว": "Lat Phrao", "สีลม": "Silom", "สาทร": "Sathon"}.get(e.street, "Moo Ban")
    soi = " Soi %s" % e.extra["soi"].split(" ")[-1] if e.extra["soi"] else ""
    return f"{e.house}{soi} {road} Rd." if rng.random() < 0.5 else f"{e.house}{soi} {road} Road"


def _us(rng, e):
    abbr, full = facts.US_STREET_TYPES[e.street_type]
    r = rng.random()
    t = abbr + ("." if rng.random() < 0.3 else "") if r < 0.6 else full
    s = f"{e.house} {e.street} {t}"
    if e.unit:
        ua, uf = facts.US_UNITS[int(e.house) % len(facts.US_UNITS)]
        s += rng.choice([f" {ua} {e.unit}", f", {uf} {e.unit}", f" #{e.unit}"])
    return s.upper() if rng.random() < 0.05 else s


def _gb(rng, e):
    abbr, full = facts.GB_STREET_TYPES[e.street_type]
    t = abbr if rng.random() < 0.4 else full
    s = f"{e.house} {e.street} {t}"
    return (e.unit + ", " + s) if e.unit else s


def _de(rng, e):
    base = e.street
    r = rng.random()
    st = base + ("straße" if r < 0.5 else "str." if r < 0.8 else "strasse" if r < 0.9 else " Straße")
    return f"{st} {e.house}" if rng.random() < 0.9 else f"{st}, {e.house}"


def _fr(rng, e):
    abbr, full = facts.FR_STREET_TYPES[e.street_type]
    t = abbr if rng.random() < 0.35 else full
    sep = ", " if rng.random() < 0.4 else " "
    return f"{e.house}{sep}{t} {e.street}"


def _pl(rng, e):
    abbr, full, _ = facts.PL_STREET_TYPES[e.street_type]
    r = rng.random()
    t = abbr if r < 0.7 else full if r < 0.8 else ""
    s = (f"{t} " if t else "") + f"{e.street} {e.house}"
    return s + (f"/{e.unit}" if e.unit and rng.random() < 0.7 else f" m. {e.unit}" if e.unit else "")
