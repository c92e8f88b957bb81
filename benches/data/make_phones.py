#!/usr/bin/env python3
"""Generates benches/data/phones.csv: messy phone cells as real exports hold them.

Columns: country (the row's country, may be empty), cell (as found), expected_e164 (the number a
person would recover, empty when it cannot be known or is not a valid number), expected_ext,
expected_alt (a second number in the same cell).

Valid numbers come from libphonenumber's metadata (python `phonenumbers`): each region's example
numbers with random trailing digits, kept only when `is_valid_number`. Usage:

    pip install phonenumbers
    python3 benches/data/make_phones.py [--seed 7] [--rows 8000] > benches/data/phones.csv
"""

import argparse
import csv
import random
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

MAIN = ["TH", "UA", "US", "GB", "DE", "FR", "PL"]
OTHERS = ["RU", "IT", "ES", "NL", "CA", "AT", "CH", "BE", "CZ", "KZ"]
TYPES = [T.MOBILE, T.MOBILE, T.FIXED_LINE, T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE, T.TOLL_FREE]

LABELS = {
    "TH": ["โทร.", "โทร", "มือถือ", "Tel.", "Mobile:"],
    "UA": ["тел.", "моб.", "т.", "Тел:", "mob.", "тел. моб."],
    "RU": ["тел.", "моб.", "т.", "Тел:"],
    "KZ": ["тел.", "моб."],
    "US": ["Tel:", "Phone:", "cell", "Mobile", "ph."],
    "CA": ["Tel:", "Phone:", "cell", "tél."],
    "GB": ["Tel:", "Mob:", "Mobile", "T:", "tel."],
    "DE": ["Tel.:", "Handy:", "Telefon", "Mobil:", "Tel"],
    "AT": ["Tel.:", "Handy:"],
    "CH": ["Tel.", "Natel:"],
    "FR": ["tél.", "Tél :", "port.", "Portable:", "mob."],
    "BE": ["tél.", "GSM:"],
    "PL": ["tel.", "kom.", "tel. kom.", "Telefon:"],
    "CZ": ["tel.", "mob."],
    "IT": ["tel.", "cell.", "Cellulare:"],
    "ES": ["tel.", "móvil:", "Tlf."],
    "NL": ["tel.", "mob.", "Telefoon:"],
}
EXTS = {
    "TH": ["ต่อ", "ต่อ ", "ext."],
    "UA": ["доб.", "доб. ", "вн."],
    "RU": ["доб.", "доб "],
    "DE": ["Durchwahl ", "DW ", "ext. "],
    "US": ["ext. ", "ext", " x", "x", "#", "Ext "],
    "CA": ["ext. ", "x", "poste "],
    "GB": ["ext. ", "x", "ext "],
    "FR": ["poste ", "ext. "],
    "PL": ["wew. ", "ext. "],
}
SEPARATORS = {
    "UA": [", ", "; ", " / ", " або ", "\n"],
    "RU": [", ", "; ", " или "],
    "TH": [", ", " / ", " หรือ ", " , "],
    "US": [", ", " / ", " or ", "; "],
    "DE": [", ", "; ", " oder "],
    "FR": [", ", " / ", " ou "],
    "PL": [", ", " lub ", "; "],
}


def random_number(rnd, region):
    """A random valid number of `region`, or None."""
    for _ in range(40):
        ex = pn.example_number_for_type(region, rnd.choice(TYPES))
        if ex is None:
            continue
        nsn = pn.national_significant_number(ex)
        keep = min(len(nsn) - 4, 3 if len(nsn) >= 9 else 2)
        digits = nsn[:keep] + "".join(rnd.choice("0123456789") for _ in nsn[keep:])
        try:
            num = pn.parse("+%d%s" % (ex.country_code, digits), None)
        except pn.NumberParseException:
            continue
        if pn.is_valid_number(num) and pn.region_code_for_number(num) == region:
            return num
    return None


def e164(num):
    return pn.format_number(num, F.E164)


def national(num):
    return pn.format_number(num, F.NATIONAL)


def intl(num):
    return pn.format_number(num, F.INTERNATIONAL)


def regroup(s, rnd):
    sep = rnd.choice(["-", ".", " ", ""])
    return s.replace(" ", sep).replace("-", sep) if sep != "-" else s.replace(" ", "-")


def national_shape(rnd, num, region):
    """The number as written inside its own country."""
    nat = national(num)
    nsn = pn.national_significant_number(num)
    prefix = pn.PhoneMetadata.metadata_for_region(region).national_prefix or ""
    choice = rnd.random()
    if region == "UA" and choice < 0.15 and prefix == "0":
        return "8 0%s %s %s %s" % (nsn[:2], nsn[2:5], nsn[5:7], nsn[7:])
    if region == "UA" and choice < 0.3:
        return "+38 (0%s) %s-%s-%s" % (nsn[:2], nsn[2:5], nsn[5:7], nsn[7:])
    if region in ("DE", "AT") and choice < 0.2 and nat.startswith("0") and " " in nat:
        area, rest = nat.split(" ", 1)
        return "%s/%s" % (area, rest.replace(" ", ""))
    if choice < 0.3 and "(" not in nat:
        return nat.replace(" ", rnd.choice(["-", ".", ""]))
    if choice < 0.4 and prefix == "0" and nat.startswith("0"):
        return nat[1:].replace(" ", "")  # Excel dropped the leading zero
    if region in ("US", "CA") and choice < 0.5:
        return rnd.choice(["1-%s", "1 %s", "%s"]) % nat.replace("(", "").replace(") ", "-")
    return nat


def international_shape(rnd, num, row_region):
    """The number written with its country code, whatever the row's country."""
    cc = str(num.country_code)
    nsn = pn.national_significant_number(num)
    ita = intl(num)
    rest = ita.split(" ", 1)[1] if " " in ita else nsn
    meta = pn.PhoneMetadata.metadata_for_region(pn.region_code_for_number(num))
    trunk0 = (meta.national_prefix or "") == "0"
    choice = rnd.random()
    if choice < 0.2:
        return ita
    if choice < 0.3:
        return e164(num)
    if choice < 0.45:
        return "00" + cc + " " + rest
    if choice < 0.5 and row_region in ("US", "CA"):
        return "011 " + cc + " " + rest
    if choice < 0.55:
        return "(+%s) %s" % (cc, rest)
    if choice < 0.7 and trunk0:
        return "+%s (0)%s" % (cc, rest)
    if choice < 0.85 and cc != "1":
        return cc + nsn  # country code without '+'
    return regroup(ita, rnd)


def base_cell(rnd, region, num):
    """Cell text and whether the answer is knowable, for one number in a row of `region`."""
    own = num is not None and region and pn.region_code_for_number(num) == region
    if own and rnd.random() < 0.6:
        return national_shape(rnd, num, region)
    return international_shape(rnd, num, region)


def add_label(rnd, region, cell):
    labels = LABELS.get(region or "US", LABELS["US"])
    return "%s %s" % (rnd.choice(labels), cell) if rnd.random() < 0.5 else rnd.choice(labels) + cell


def add_ext(rnd, region, cell):
    ext = str(rnd.randint(1, 9999))
    marker = rnd.choice(EXTS.get(region, EXTS["US"]))
    space = "" if marker.startswith(" ") else " "
    return "%s%s%s%s" % (cell, space, marker, ext), ext


def invalid_number(rnd, region):
    """A number that looks right but is not valid in the plan, in national format."""
    num = random_number(rnd, region)
    if num is None:
        return None
    nsn = pn.national_significant_number(num)
    for _ in range(30):
        pos = rnd.randrange(0, min(3, len(nsn)))
        bad = nsn[:pos] + rnd.choice("0123456789") + nsn[pos + 1:]
        try:
            cand = pn.parse("+%d%s" % (num.country_code, bad), None)
        except pn.NumberParseException:
            continue
        if not pn.is_valid_number(cand) and pn.is_possible_number(cand):
            nat = pn.format_number(cand, F.NATIONAL)
            trunk = pn.PhoneMetadata.metadata_for_region(region).national_prefix or ""
            if trunk and not nat.startswith(trunk):
                nat = trunk + nat  # no format rule matched, so the trunk prefix is missing
            # The row-country reading must also be invalid for the answer to be "nothing".
            try:
                back = pn.parse(nat, region)
            except pn.NumberParseException:
                return nat
            if not pn.is_valid_number(back):
                return nat
    return None


def one_row(rnd, writer):
    kind = rnd.random()
    region = rnd.choice(MAIN) if rnd.random() < 0.75 else rnd.choice(OTHERS)
    if kind < 0.04:  # a number whose country cannot be known
        num = random_number(rnd, region)
        if num is None:
            return
        cell = national(num)
        if cell.startswith("+"):
            return
        writer.writerow(["", cell, "", "", ""])
        return
    if kind < 0.08:  # no country column, but written internationally
        num = random_number(rnd, region)
        if num is None:
            return
        cell = rnd.choice([intl(num), e164(num), "00%d %s" % (num.country_code, intl(num).split(" ", 1)[-1])])
        writer.writerow(["", cell, e164(num), "", ""])
        return
    if kind < 0.11:  # valid-looking but invalid
        cell = invalid_number(rnd, region)
        if cell:
            writer.writerow([region, cell, "", "", ""])
        return
    if kind < 0.13:  # Excel damage
        num = random_number(rnd, region)
        if num is None:
            return
        digits = str(num.country_code) + pn.national_significant_number(num)
        if rnd.random() < 0.4 and len(digits) >= 11:
            mant = digits[0] + "." + digits[1:6].rstrip("0")
            writer.writerow([region, "%sE+%d" % (mant, len(digits) - 1), "", "", ""])
        elif rnd.random() < 0.5:
            writer.writerow([region, digits + ".0", e164(num), "", ""])
        else:
            writer.writerow([region, "'" + intl(num), e164(num), "", ""])
        return
    foreign = kind > 0.9
    src = rnd.choice(MAIN + OTHERS) if foreign else region
    num = random_number(rnd, src)
    if num is None:
        return
    cell = base_cell(rnd, region, num)
    ext = alt = ""
    if region == "TH" and rnd.random() < 0.05 and not foreign:
        nat = national(num).replace(" ", "-")
        last = nat[-1]
        other = str((int(last) + 1) % 10)
        alt_num = pn.parse(e164(num)[:-1] + other, None)
        if pn.is_valid_number(alt_num):
            cell, alt = nat + "/" + other, e164(alt_num)
    elif rnd.random() < 0.12:
        second = random_number(rnd, region)
        if second is not None:
            sep = rnd.choice(SEPARATORS.get(region, [", ", "; "]))
            cell = cell + sep + base_cell(rnd, region, second)
            alt = e164(second)
    elif rnd.random() < 0.1:
        cell, ext = add_ext(rnd, region, cell)
    if rnd.random() < 0.2:
        cell = add_label(rnd, region, cell)
    writer.writerow([region, cell, e164(num), ext, alt])


class Rows:
    """Collects the generated rows."""

    def __init__(self):
        self.rows = []

    def writerow(self, row):
        self.rows.append(row)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rows", type=int, default=8000)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["country", "cell", "expected_e164", "expected_ext", "expected_alt"])
    rows = Rows()
    while len(rows.rows) < args.rows:
        one_row(rnd, rows)
    writer.writerows(rows.rows)


if __name__ == "__main__":
    main()
