"""The true customers: name/street pools built once with Faker, then entities sampled with random.Random(seed)."""

import random
import unicodedata
import zlib
from dataclasses import dataclass, field

import phonenumbers as pn
from phonenumbers import PhoneNumberType as PT

import facts

COUNTRIES = ["UA", "TH", "US", "GB", "DE", "FR", "PL"]
FAKER_LOCALE = {"UA": "uk_UA", "TH": "th_TH", "US": "en_US", "GB": "en_GB", "DE": "de_DE", "FR": "fr_FR",
                "PL": "pl_PL"}

# Ukrainian national transliteration (KMU 2010): (word-initial form, elsewhere).
_UA_LAT = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"), "ж": "zh",
           "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m",
           "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
           "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"), "я": ("ya", "ia"),
           "'": "", "’": "", "-": "-", " ": " "}
# Older/passport-style habits seen in CRMs typed by hand: Serhiy, Yuriy, Oleksiy, Andriy.
_UA_LAT_OLD = {"ій": "iy", "ий": "iy", "ія": "iya"}


def translit_ua(text: str, old_style: bool = False) -> str:
    out, low, start = [], text.lower(), True
    i = 0
    while i < len(low):
        ch = low[i]
        pair = low[i:i + 2]
        if old_style and pair in _UA_LAT_OLD:
            lat, i = _UA_LAT_OLD[pair], i + 2
        elif pair == "зг":
            lat, i = "zgh", i + 2
        else:
            val = _UA_LAT.get(ch, ch)
            lat = (val[0] if start else val[1]) if isinstance(val, tuple) else val
            i += 1
        out.append(lat)
        start = ch in " -"
    res = "".join(out)
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in res.split("-"))


def feminine_surname(country: str, fam: str) -> str:
    """The female form of a surname where the language inflects it (Kowalski → Kowalska, Шевчук stays)."""
    if country == "PL":
        for m, f in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if fam.endswith(m):
                return fam[: -len(m)] + f
    if country == "UA":
        for m, f in (("ський", "ська"), ("цький", "цька"), ("ий", "а"), ("ов", "ова"), ("ін", "іна")):
            if fam.endswith(m):
                return fam[: -len(m)] + f
    return fam


class PhonePool:
    """Valid national numbers per (country, kind); new numbers vary only the last 4 digits of a valid seed."""

    def __init__(self, rng: random.Random, per_kind: int = 150, seed: int = 0):
        self.seeds, self.local, self.seed, self.used = {}, {}, seed, set()
        for cc in COUNTRIES:
            for kind, types in (("mobile", (PT.MOBILE, PT.FIXED_LINE_OR_MOBILE)),
                                ("fixed", (PT.FIXED_LINE, PT.FIXED_LINE_OR_MOBILE))):
                self.seeds[(cc, kind)] = self._seeds(rng, cc, types, per_kind)

    @staticmethod
    def _seeds(rng, cc, types, want):
        ex = pn.national_significant_number(pn.example_number_for_type(cc, types[0]))
        found, tries = [], 0
        while len(found) < want and tries < 40000:
            tries += 1
            first = ex[0] if rng.random() < 0.4 else rng.choice("123456789")
            nsn = first + "".join(rng.choice("0123456789") for _ in range(len(ex) - 1))
            num = pn.parse("+" + str(pn.country_code_for_region(cc)) + nsn)
            if pn.is_valid_number(num) and pn.number_type(num) in types and _last4_free(num):
                found.append(nsn)
        return found

    def draw(self, rng, cc, kind) -> str:
        return self._unused(rng, cc, self.seeds[(cc, kind)])

    def _unused(self, rng, cc, seeds) -> str:
        """A number nobody else has (people do not share a mobile; households share a landline on purpose)."""
        for _ in range(60):
            base = rng.choice(seeds)
            nsn = base[:-4] + "%04d" % rng.randrange(10000)
            if (cc, nsn) not in self.used:
                break
        self.used.add((cc, nsn))
        return nsn

    def draw_fixed(self, rng, cc, area) -> str:
        """A landline in the city's own area code (044 for Kyiv, 030 for Berlin), else any valid landline."""
        key = (cc, area)
        if key not in self.local:
            self.local[key] = self._area_seeds(random.Random("%d:%s:%s" % (self.seed, cc, area)), cc, area)
        seeds = self.local[key]
        if not seeds:
            return self.draw(rng, cc, "fixed")
        return self._unused(rng, cc, seeds)

    @staticmethod
    def _area_seeds(rng, cc, area, want=24):
        found, types = [], (PT.FIXED_LINE, PT.FIXED_LINE_OR_MOBILE)
        for _ in range(400):
            if len(found) >= want or not area:
                break
            total = {"UA": 9, "TH": 8, "US": 10, "GB": 10, "FR": 9, "PL": 9}.get(cc) or rng.randint(
                len(area) + 5, len(area) + 8)
            nsn = area + "".join(rng.choice("0123456789") for _ in range(total - len(area)))
            nsn = nsn[: len(area)] + rng.choice("23456789") + nsn[len(area) + 1:]
            num = pn.parse("+%d%s" % (pn.country_code_for_region(cc), nsn))
            if pn.is_valid_number(num) and pn.number_type(num) in types and _last4_free(num):
                found.append(nsn)
        return found


def _area_code(e) -> str:
    """The landline area code of the entity's city (national significant digits, no trunk 0)."""
    if e.country == "TH":
        return facts.TH_AREA.get(e.extra.get("province", ""), "")
    table = {"UA": facts.UA_CITIES, "US": facts.US_CITIES, "GB": facts.GB_CITIES, "DE": facts.DE_CITIES,
             "FR": facts.FR_CITIES, "PL": facts.PL_CITIES}[e.country]
    return table[e.city][3]


def _last4_free(num) -> bool:
    """True when every last-4-digit variant of this number stays valid (checked on a few samples)."""
    nsn = pn.national_significant_number(num)
    cc = num.country_code
    for tail in ("0000", "9999", "4821"):
        if not pn.is_valid_number(pn.parse("+%d%s" % (cc, nsn[:-4] + tail))):
            return False
    return True


class Pools:
    """Faker is called here only, a fixed number of times; rows then sample from these lists."""

    def __init__(self, seed: int, size: int = 400):
        from faker import Faker
        self.given_m, self.given_f, self.family, self.middle_m, self.middle_f, self.companies = {}, {}, {}, {}, {}, {}
        self.family_f = {}
        for cc in COUNTRIES:
            fk = Faker(FAKER_LOCALE[cc])
            fk.seed_instance(seed * 31 + COUNTRIES.index(cc))
            clean = (lambda s: s.replace("ʼ", "'")) if cc == "UA" else (lambda s: s)
            self.given_m[cc] = sorted({clean(fk.first_name_male()) for _ in range(size)})
            self.given_f[cc] = sorted({clean(fk.first_name_female()) for _ in range(size)})
            if cc == "UA":
                self.family[cc] = sorted({clean(fk.last_name_male()) for _ in range(size)})
                self.middle_m[cc] = sorted({clean(fk.middle_name_male()) for _ in range(size // 2)})
                self.middle_f[cc] = sorted({clean(fk.middle_name_female()) for _ in range(size // 2)})
            elif cc == "PL":
                self.family[cc] = sorted({fk.last_name_male() for _ in range(size)})
            else:
                self.family[cc] = sorted({fk.last_name() for _ in range(size)})
            self.companies[cc] = sorted({clean(_company_core(fk, cc)) for _ in range(size // 4)})
        self.used_emails, self.used_orgs = set(), set()
        us = Faker("en_US")
        us.seed_instance(seed)
        self.us_streets = sorted({us.last_name() for _ in range(size // 2)})
        gb = Faker("en_GB")
        gb.seed_instance(seed)
        self.gb_streets = sorted({gb.last_name() for _ in range(size // 2)})


def _company_core(fk, cc) -> str:
    if cc in ("UA", "TH"):
        base = fk.last_name()
        return base
    name = fk.company()
    for suf in sum(facts.COMPANY_SUFFIX.values(), []) + [" e.G.", " KG", " GmbH", " Group", " and Sons", " PLC"]:
        name = name.replace(suf, "")
    return name.strip(" ,-&")


@dataclass
class Entity:
    eid: str
    country: str
    kind: str  # "person" or "org"
    gender: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    given_lat: str = ""  # romanised form (UA transliteration, TH RTGS-like) or ""
    family_lat: str = ""
    org: str = ""
    email: str = ""
    email_work: str = ""
    email_old: str = ""  # an address the customer used before (some sources still hold it)
    mobile_old: str = ""
    mobile: str = ""  # national significant number
    landline: str = ""
    street: str = ""
    street_type: int = 0
    house: str = ""
    unit: str = ""
    city: int = 0  # index into the country's city table
    postcode: str = ""
    extra: dict = field(default_factory=dict)
    created: tuple = (2020, 1, 1)
    household_of: str = ""


def make_world(n: int, seed: int):
    """N entities (households count: a partner shares surname, address and landline)."""
    rng = random.Random(seed)
    pools = Pools(seed)
    phones = PhonePool(random.Random(seed + 1), seed=seed)
    weights = [("UA", 0.24), ("TH", 0.2), ("US", 0.16), ("GB", 0.1), ("DE", 0.12), ("FR", 0.09), ("PL", 0.09)]
    ents = []
    while len(ents) < n:
        cc = _weighted(rng, weights)
        e = _new_entity(rng, pools, phones, cc, "E%07d" % (len(ents) + 1))
        ents.append(e)
        if e.kind == "person" and len(ents) < n and rng.random() < 0.09:
            ents.append(_partner(rng, pools, phones, e, "E%07d" % (len(ents) + 1)))
    return ents, pools


def _weighted(rng, pairs):
    x = rng.random() * sum(w for _, w in pairs)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def _new_entity(rng, pools, phones, cc, eid) -> Entity:
    e = Entity(eid=eid, country=cc, kind="org" if rng.random() < 0.08 else "person")
    e.created = (rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28))
    _place(rng, pools, e)
    e.mobile = phones.draw(rng, cc, "mobile")
    if e.kind == "org":
        e.org = _unique_org(rng, pools, e)
        e.email = "%s@%s" % (rng.choice(facts.ROLE_LOCALS[cc]), _org_domain(e.org, cc))
        e.landline = phones.draw_fixed(rng, cc, _area_code(e))
        return e
    e.gender = rng.choice("mf")
    _name(rng, pools, e)
    if rng.random() < 0.35:
        e.landline = phones.draw_fixed(rng, cc, _area_code(e))
    e.email = _personal_email(rng, e, pools.used_emails)
    if rng.random() < 0.12:
        e.email_old = _personal_email(rng, e, pools.used_emails)
    if rng.random() < 0.1:
        e.mobile_old = phones.draw(rng, cc, "mobile")
    if rng.random() < 0.3:
        e.org = _unique_org(rng, pools, e)
        e.email_work = "%s.%s@%s" % (_ascii(e.given_lat or e.given), _ascii(e.family_lat or e.family),
                                     _org_domain(e.org, cc))
        e.email_work = e.email_work.lower()
    return e


def _name(rng, pools, e):
    cc, g = e.country, e.gender
    if cc == "TH" and rng.random() < 0.5:
        e.given, e.given_lat = rng.choice(facts.TH_GIVEN_M if g == "m" else facts.TH_GIVEN_F)
        e.family, e.family_lat = rng.choice(facts.TH_FAMILY)
        return
    e.given = rng.choice(pools.given_m[cc] if g == "m" else pools.given_f[cc])
    fam = rng.choice(pools.family[cc])
    e.family = feminine_surname(cc, fam) if g == "f" else fam
    if cc == "UA":
        e.middle = rng.choice(pools.middle_m[cc] if g == "m" else pools.middle_f[cc])
        e.given_lat, e.family_lat = translit_ua(e.given), translit_ua(e.family)


def _partner(rng, pools, phones, e, eid) -> Entity:
    p = Entity(eid=eid, country=e.country, kind="person", household_of=e.eid)
    p.gender = "f" if e.gender == "m" else "m"
    p.created = (min(2024, e.created[0] + rng.randint(0, 2)), rng.randint(1, 12), rng.randint(1, 28))
    for k in ("street", "street_type", "house", "unit", "city", "postcode", "extra"):
        setattr(p, k, getattr(e, k))
    _name(rng, pools, p)
    base_fam = e.family if e.gender == "m" else p.family
    if e.country == "TH" and e.family_lat:
        p.family, p.family_lat = e.family, e.family_lat
        p.given, p.given_lat = rng.choice(facts.TH_GIVEN_M if p.gender == "m" else facts.TH_GIVEN_F)
    else:
        p.family = feminine_surname(e.country, base_fam) if p.gender == "f" else base_fam
        if e.country == "UA":
            p.family_lat = translit_ua(p.family)
    if not e.landline:
        e.landline = phones.draw_fixed(rng, e.country, _area_code(e))
    p.landline = e.landline
    p.mobile = phones.draw(rng, e.country, "mobile")
    p.email = _personal_email(rng, p, pools.used_emails)
    return p


def _ascii(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch == "-")).lower()


def _personal_email(rng, e, used) -> str:
    """A mailbox unique to this person: name-based, with a number added when the name is taken."""
    g, f = _ascii(e.given_lat or e.given), _ascii(e.family_lat or e.family)
    if not g or not f:  # Thai script without romanisation
        g, f = "user", "%05d" % rng.randrange(100000)
    yr = str(rng.randint(60, 99)) if rng.random() < 0.3 else ""
    local = rng.choice([g + "." + f, g[0] + f, f + "." + g, g + f, g + "_" + f]) + yr
    dom = rng.choice(facts.EMAIL_DOMAINS[e.country])
    addr = local + "@" + dom
    while addr in used:
        addr = "%s%d@%s" % (local, rng.randrange(1, 10000), dom)
    used.add(addr)
    return addr


def _unique_org(rng, pools, e) -> str:
    """Company name (core + trade); distinct companies never share a name."""
    cc = e.country
    name = rng.choice(pools.companies[cc]) + " " + rng.choice(facts.TRADES[cc])
    if name in pools.used_orgs:
        name += " " + str(rng.randrange(2, 1000))
    while name in pools.used_orgs:
        name = name.rsplit(" ", 1)[0] + " " + str(rng.randrange(2, 100000))
    pools.used_orgs.add(name)
    return name


def _org_domain(org: str, cc: str) -> str:
    """The company's web domain, derived from its (unique) name: kowalskitransport.pl, siam042317.co.th."""
    tld = {"UA": "com.ua", "TH": "co.th", "US": "com", "GB": "co.uk", "DE": "de", "FR": "fr", "PL": "pl"}[cc]
    words = (translit_ua(org) if cc == "UA" else org).split()
    core = "".join(_ascii(w) for w in words) or "firma"
    if cc == "TH":
        core = "siam%06d" % (zlib.crc32(org.encode("utf-8")) % 1000000)
    return core.strip("-")[:40] + "." + tld


def _place(rng, pools, e):
    cc = e.country
    e.house = str(rng.choice([rng.randint(1, 40), rng.randint(1, 250)]))
    if cc == "UA":
        e.city = rng.randrange(len(facts.UA_CITIES))
        e.street = rng.choice(facts.UA_STREETS)
        e.street_type = _weighted(rng, [(i, t[2]) for i, t in enumerate(facts.UA_STREET_TYPES)])
        e.unit = str(rng.randint(1, 180)) if rng.random() < 0.7 else ""
        e.postcode = facts.UA_CITIES[e.city][2] + "%03d" % rng.randrange(1000)
    elif cc == "TH":
        _place_th(rng, e)
    elif cc == "US":
        e.city = rng.randrange(len(facts.US_CITIES))
        e.street = rng.choice(pools.us_streets)
        e.street_type = rng.randrange(len(facts.US_STREET_TYPES))
        e.house = str(rng.randint(10, 9999))
        e.unit = "%d%s" % (rng.randint(1, 30), rng.choice(["", "A", "B"])) if rng.random() < 0.3 else ""
        e.postcode = facts.US_CITIES[e.city][2] + "%02d" % rng.randrange(100)
    elif cc == "GB":
        e.city = rng.randrange(len(facts.GB_CITIES))
        e.street = rng.choice(pools.gb_streets)
        e.street_type = rng.randrange(len(facts.GB_STREET_TYPES))
        e.unit = "Flat %d" % rng.randint(1, 40) if rng.random() < 0.2 else ""
        e.postcode = "%s %d%s" % (facts.GB_CITIES[e.city][2], rng.randint(1, 9),
                                  "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
    elif cc == "DE":
        e.city = rng.randrange(len(facts.DE_CITIES))
        e.street = rng.choice(facts.DE_STREETS)
        e.postcode = facts.DE_CITIES[e.city][2] + "%03d" % rng.randrange(1000)
        e.house = str(rng.randint(1, 120)) + rng.choice(["", "", "", "a", "b"])
    elif cc == "FR":
        e.city = rng.randrange(len(facts.FR_CITIES))
        e.street = rng.choice(facts.FR_STREETS)
        e.street_type = rng.randrange(len(facts.FR_STREET_TYPES))
        pre = facts.FR_CITIES[e.city][2]
        e.postcode = pre + "".join(str(rng.randrange(10)) for _ in range(5 - len(pre)))
        if pre == "750":
            e.postcode = "750%02d" % rng.randint(1, 20)
    else:
        e.city = rng.randrange(len(facts.PL_CITIES))
        e.street = rng.choice(facts.PL_STREETS)
        e.street_type = _weighted(rng, [(i, t[2]) for i, t in enumerate(facts.PL_STREET_TYPES)])
        e.unit = str(rng.randint(1, 90)) if rng.random() < 0.6 else ""
        d = facts.PL_CITIES[e.city][2] + "%d" % rng.randrange(10)
        e.postcode = "%s-%03d" % (d, rng.randrange(1000))


def _place_th(rng, e):
    e.street = rng.choice(facts.TH_ROADS)
    e.house = "%d/%d" % (rng.randint(1, 999), rng.randint(1, 300)) if rng.random() < 0.6 else str(rng.randint(1, 999))
    e.extra = {"moo": str(rng.randint(1, 12)) if rng.random() < 0.35 else "",
               "soi": (e.street + " " + str(rng.randint(1, 101))) if rng.random() < 0.5 and not any(
                   c.isdigit() for c in e.street) else ""}
    if rng.random() < 0.55:
        khet, khwaeng, pc = rng.choice(facts.TH_BANGKOK)
        e.extra.update(province="กรุงเทพมหานคร", district=khet, subdistrict=khwaeng, bkk=True)
    else:
        prov, amphoe, tambon, pc = rng.choice(facts.TH_PROVINCES)
        e.extra.update(province=prov, district=amphoe, subdistrict=tambon, bkk=False)
    e.postcode = pc
