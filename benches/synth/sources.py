"""The six export shapes: which customers each holds, how each writes a row, and how each file is encoded."""

import csv
import datetime
import io
import json

import addresses as addr
import facts
import render as rd

UA, TH, CRM, XLSX, OUTLOOK, WEB = ("ua_branch.csv", "th_branch.csv", "old_crm.csv", "sales_reps.xlsx",
                                   "outlook_contacts.txt", "web_signups.jsonl")
XLSX_SHEETS = ("Leads", "Events")
ALL_SOURCES = (UA, TH, CRM, XLSX, OUTLOOK, WEB)
_PRIMARY = {"UA": [(UA, 0.86), (CRM, 0.09), (WEB, 0.05)], "TH": [(TH, 0.86), (WEB, 0.09), (CRM, 0.05)]}
_OTHER = [(CRM, 0.4), (XLSX, 0.22), (OUTLOOK, 0.2), (WEB, 0.18)]
_SECONDARY = {"UA": [(CRM, 0.5), (XLSX, 0.2), (WEB, 0.2), (OUTLOOK, 0.1), (UA, 0.3)],
              "TH": [(WEB, 0.4), (CRM, 0.3), (XLSX, 0.3), (TH, 0.3)]}


def plan(rng, ents, sources, p_cross=0.25, p_dup=0.04):
    """source → list of entities (an entity listed twice in one source is a within-source duplicate)."""
    from world import _weighted
    out = {s: [] for s in sources}

    def pick(pairs, avoid=()):
        pairs = [(s, w) for s, w in pairs if s in out and s not in avoid]
        return _weighted(rng, pairs) if pairs else None

    home = {}
    for e in ents:
        first = home.get(e.household_of) if e.household_of and rng.random() < 0.7 else None
        first = first or pick(_PRIMARY.get(e.country, _OTHER)) or next(iter(out))
        home[e.eid] = first
        out[first].append(e)
        seen = [first]
        n_more = (1 if rng.random() < p_cross else 0) + (1 if rng.random() < p_cross * 0.15 else 0)
        for _ in range(n_more):
            nxt = pick(_SECONDARY.get(e.country, _OTHER), avoid=seen)
            if nxt:
                out[nxt].append(e)
                seen.append(nxt)
        if rng.random() < p_dup:
            out[first].append(e)
    for s in out:
        rng.shuffle(out[s])
    return out


def _miss(rng, v, p):
    return "" if rng.random() < p else v


def ua_row(rng, e):
    if e.kind == "org":
        name = rng.choice(facts.COMPANY_SUFFIX["UA"]) + " " + rng.choice(['"%s"', "«%s»", "%s"]) % e.org
    else:
        g, f = rd.given_variant(rng, e), rd.family_variant(rng, e)
        mid = e.middle if rng.random() < 0.7 else ""
        name = " ".join(x for x in (f, g, mid) if x) if rng.random() < 0.9 else " ".join(x for x in (g, mid, f) if x)
    ph = rd.mobile(rng, e) if (not e.landline or rng.random() < 0.7) else e.landline
    city, region, pc = addr.city(e)
    line = addr.line(rng, e)
    if rng.random() < 0.15:
        line, city = line + ", " + city, rng.choice(["", city])
    city = ("м. " + city) if city and rng.random() < 0.2 else city
    return [rd.space_noise(rng, name), _miss(rng, rd.phone(rng, "UA", ph, ph == e.landline), 0.06),
            rd.email(rng, e, p_missing=0.15), _miss(rng, line, 0.05), city, _miss(rng, region, 0.4),
            _miss(rng, pc, 0.2), rd.date(rng, e.created, "ua")]


UA_HEADER = ["ПІБ", "Телефон", "E-mail", "Адреса", "Місто", "Область", "Індекс", "Дата реєстрації"]


def th_row(rng, e):
    sal = "" if e.kind == "org" else rng.choice(
        ["นาย"] if e.gender == "m" else ["นาง", "นางสาว"]) if rng.random() < 0.75 else "คุณ"
    if e.kind == "org":
        first, last = rng.choice(facts.COMPANY_SUFFIX["TH"]) + " " + e.org + " จำกัด", ""
    else:
        first = sal + (" " if rng.random() < 0.3 else "") + rd.given_variant(rng, e)
        last = rd.family_variant(rng, e)
    ph = rd.mobile(rng, e) if (not e.landline or rng.random() < 0.65) else e.landline
    prov, _, pc = addr.city(e)
    if e.extra.get("bkk"):
        prov = rng.choice(["กรุงเทพมหานคร", "กรุงเทพฯ", "กทม.", "กรุงเทพมหานคร"])
    elif rng.random() < 0.2:
        prov = "จ." + prov
    return [first, last, _miss(rng, rd.phone(rng, "TH", ph, ph == e.landline), 0.05),
            rd.email(rng, e, p_missing=0.2), _miss(rng, addr.line(rng, e), 0.05), prov, _miss(rng, pc, 0.15),
            rd.date(rng, e.created, "th")]


TH_HEADER = ["ชื่อ", "นามสกุล", "โทรศัพท์", "อีเมล", "ที่อยู่", "จังหวัด", "รหัสไปรษณีย์", "วันที่สมัคร"]

CRM_HEADER = ["Id", "Salutation", "FirstName", "LastName", "Account Name", "Email", "Phone", "MobilePhone",
              "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry", "CreatedDate"]


def _latin_name(rng, e):
    """Given/family as typed in an English-language system (Cyrillic transliterated, Thai romanised)."""
    if e.country == "UA" and rng.random() < 0.9:
        return rd.ua_latin(rng, rd.given_variant(rng, e)), rd.family_variant(rng, e, latin=True)
    return rd.given_variant(rng, e, latin=True), rd.family_variant(rng, e, latin=True)


def _sf_id(rng):
    al = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return "0035g00000" + "".join(rng.choice(al) for _ in range(5)) + "".join(rng.choice(al[10:36]) for _ in range(3))


def crm_row(rng, e):
    latin = e.country in ("UA", "TH")
    if e.kind == "org":
        sal, g, f = "", "", rng.choice(["Sales Team", "Office", "Accounts", "Info"])
        acct = e.org + " " + rng.choice(facts.COMPANY_SUFFIX.get(e.country if not latin else "GB"))
    else:
        sal = rng.choice(["Mr.", "Mr"] if e.gender == "m" else ["Ms.", "Mrs.", "Ms"]) if rng.random() < 0.6 else ""
        g, f = _latin_name(rng, e)
        acct = e.org or (f + " Household" if rng.random() < 0.5 else "")
    city, region, pc = addr.city(e, latin=latin, rng=rng)
    street = addr.line(rng, e, latin=latin)
    if e.unit and e.country in ("US", "GB") and rng.random() < 0.15:
        street = street.replace(", ", "\n", 1)  # Salesforce keeps multi-line streets in one quoted cell
    land = rd.phone(rng, e.country, e.landline, True) if e.landline else ""
    mob = rd.phone(rng, e.country, rd.mobile(rng, e))
    return [_sf_id(rng), sal, g, rd.space_noise(rng, f), acct, rd.email(rng, e), _miss(rng, land, 0.1),
            _miss(rng, mob, 0.12), _miss(rng, street, 0.05), city, _miss(rng, region, 0.3), _miss(rng, pc, 0.1),
            rng.choice(facts.COUNTRY_NAMES[e.country]), rd.date(rng, e.created, "sf", 3)]


OUTLOOK_HEADER = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "E-mail Address",
                  "Business Phone", "Mobile Phone", "Home Phone", "Business Street", "Business City",
                  "Business State", "Business Postal Code", "Business Country/Region"]


def outlook_row(rng, e):
    latin = e.country in ("UA", "TH") and rng.random() < 0.7
    g, f = ("", "") if e.kind == "org" else (_latin_name(rng, e) if latin else
                                             (rd.given_variant(rng, e), rd.family_variant(rng, e)))
    mid = e.middle if e.middle and not latin and rng.random() < 0.3 else ""
    city, region, pc = addr.city(e, latin=latin, rng=rng)
    home = rd.phone(rng, e.country, e.landline, True) if e.landline and rng.random() < 0.6 else ""
    return ["", g, mid, f, "", e.org, rd.email(rng, e), "", _miss(rng, rd.phone(rng, e.country, rd.mobile(rng, e)), 0.1),
            home, _miss(rng, addr.line(rng, e, latin=latin), 0.3), city, region, pc,
            rng.choice(facts.COUNTRY_NAMES[e.country])]


def web_row(rng, e):
    latin = e.country == "UA" and rng.random() < 0.5
    if e.kind == "org":
        name = e.org
    else:
        g, f = _latin_name(rng, e) if latin else (rd.given_variant(rng, e), rd.family_variant(rng, e))
        name = g + " " + f if e.country != "TH" or rng.random() < 0.5 else g + "  " + f
    city, _, pc = addr.city(e, latin=latin, rng=rng)
    ph = rd.phone(rng, e.country, rd.mobile(rng, e))
    row = {"name": name, "email": rd.email(rng, e, p_missing=0.02) or None, "phone": _miss(rng, ph, 0.2) or None,
           "country": rng.choice([e.country, e.country.lower(), facts.COUNTRY_NAMES[e.country][0]]),
           "city": city, "zip": _miss(rng, pc, 0.3) or None, "signed_up_at": rd.date(rng, e.created, "iso", 5),
           "newsletter": rng.random() < 0.5}
    if rng.random() < 0.1:
        row["utm_source"] = rng.choice(["google", "facebook", "newsletter"])
    return json.dumps(row, ensure_ascii=False)


LEADS_HEADER = ["Name", "Company", "Email", "Phone", "Country", "City", "Address", "Lead Date", "Owner"]
EVENTS_HEADER = ["First name", "Last name", "E-mail", "Mobile", "Country", "Registered"]


def _xlsx_phone(rng, e, nsn):
    """Phones in sales sheets are often numbers: the leading + and trunk 0 are lost (380501234567, 1511234567)."""
    if not nsn:
        return None
    r = rng.random()
    if r < 0.55:
        return int(rd.CC_DIAL[e.country] + nsn)
    if r < 0.8:
        return int(nsn)
    return rd.phone(rng, e.country, nsn)


def _xlsx_date(rng, e):
    y, m, d = e.created
    return datetime.datetime(y, m, d) if rng.random() < 0.9 else "%d/%d/%d" % (m, d, y)


def leads_row(rng, e):
    latin = e.country in ("UA", "TH")
    g, f = ("", "") if e.kind == "org" else _latin_name(rng, e)
    name = (f + ", " + g if rng.random() < 0.2 else g + " " + f) if g else ""
    city, _, _ = addr.city(e, latin=latin, rng=rng)
    return [name, e.org or None, rd.email(rng, e) or None, _xlsx_phone(rng, e, rd.mobile(rng, e) or e.landline),
            rng.choice(facts.COUNTRY_NAMES[e.country][:3]), city, _miss(rng, addr.line(rng, e, latin=latin), 0.3),
            _xlsx_date(rng, e), rng.choice(["Anna K.", "Tom W.", "Marek", "Olena", "Jean-Luc"])]


def events_row(rng, e):
    g, f = ("", e.org) if e.kind == "org" else _latin_name(rng, e)
    return [g, f, rd.email(rng, e, p_missing=0.05) or None, _xlsx_phone(rng, e, rd.mobile(rng, e)),
            e.country, _xlsx_date(rng, e)]


def write_csv(path, header, rows, encoding, delimiter, bom=b"", newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    with open(path, "wb") as fh:
        fh.write(bom + buf.getvalue().replace("\u02bc", "'").encode(encoding, errors="replace"))


def write_jsonl(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for ln in lines:
            fh.write(ln + "\n")


def write_xlsx(path, leads, events):
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(XLSX_SHEETS[0])
    ws.append(["Leads Q3 2024"])
    ws.append([])
    ws.append(LEADS_HEADER)
    for r in leads:
        ws.append(r)
    ws2 = wb.create_sheet(XLSX_SHEETS[1])
    ws2.append(EVENTS_HEADER)
    for r in events:
        ws2.append(r)
    from stable_zip import save_stable
    save_stable(path, wb.save)
