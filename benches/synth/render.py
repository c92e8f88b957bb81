"""How one true value is written in an export: phone formats, address abbreviations, name variants, typos, dates."""

import phonenumbers as pn

import facts
from world import translit_ua

CC_DIAL = {"UA": "380", "TH": "66", "US": "1", "GB": "44", "DE": "49", "FR": "33", "PL": "48"}
TRUNK = {"UA": "0", "TH": "0", "GB": "0", "DE": "0", "FR": "0", "US": "", "PL": ""}
_TEMPLATES = {}
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _templates(cc, nsn):
    """libphonenumber's NATIONAL and INTERNATIONAL layout for numbers sharing this prefix (cached)."""
    key = (cc, nsn[:-4], len(nsn))
    t = _TEMPLATES.get(key)
    if t is None:
        num = pn.PhoneNumber(country_code=int(CC_DIAL[cc]), national_number=int(nsn))
        if nsn.startswith("0"):
            num.italian_leading_zero = True
        t = (pn.format_number(num, pn.PhoneNumberFormat.NATIONAL),
             pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL))
        _TEMPLATES[key] = t
    return tuple(_fill_last4(x, nsn[-4:]) for x in t)


def _fill_last4(text, last4):
    chars, k = list(text), 3
    for i in range(len(chars) - 1, -1, -1):
        if k < 0:
            break
        if chars[i].isdigit():
            chars[i], k = last4[k], k - 1
    return "".join(chars)


def phone(rng, cc, nsn, fixed=False):
    """A real-world spelling of this number in an export typed by people of that country."""
    if not nsn:
        return ""
    nat, intl = _templates(cc, nsn)
    nat_digits = TRUNK[cc] + nsn
    common = [intl, nat, "+" + CC_DIAL[cc] + nsn, nat_digits, nat.replace(" ", "-")]
    x = rng.random()
    if x < 0.55:
        return rng.choice(common)
    return _phone_local(rng, cc, nsn, nat, intl, nat_digits, fixed)


def _phone_local(rng, cc, nsn, nat, intl, d, fixed):
    if cc == "UA":
        grp = "%s %s-%s-%s" % (d[:3], d[3:6], d[6:8], d[8:])
        return rng.choice(["8 " + grp, "(%s) %s-%s-%s" % (d[:3], d[3:6], d[6:8], d[8:]), "тел. " + grp.replace(" ", "-"),
                           "+38 (%s) %s-%s-%s" % (d[:3], d[3:6], d[6:8], d[8:]), "38" + d, "моб. " + grp])
    if cc == "TH":
        opts = [nat.replace(" ", "-"), "66" + nsn, "+66 (0)" + intl[4:], nat.replace(" ", "-").translate(THAI_DIGITS)]
        if fixed:
            opts.append(nat.replace(" ", "-") + " ต่อ " + str(rng.randint(10, 299)))
        return rng.choice(opts)
    if cc == "US":
        return rng.choice(["%s-%s-%s" % (nsn[:3], nsn[3:6], nsn[6:]), "1-%s-%s-%s" % (nsn[:3], nsn[3:6], nsn[6:]),
                           "%s.%s.%s" % (nsn[:3], nsn[3:6], nsn[6:]), nat + " x" + str(rng.randint(10, 999)),
                           "+1 (%s) %s-%s" % (nsn[:3], nsn[3:6], nsn[6:])])
    if cc == "GB":
        return rng.choice(["+44 (0)" + intl[4:], "44" + nsn, "0044 " + intl[4:], nat.replace(" ", "")])
    if cc == "DE":
        area = nat.split(" ")[0]
        return rng.choice(["+49 (0)" + intl[4:], "0049 " + intl[4:], area + "/" + d[len(area):], area + " - " + d[len(area):]])
    if cc == "FR":
        return rng.choice([nat.replace(" ", "."), "0033 " + intl[4:], "+33 (0)" + intl[4:], d])
    return rng.choice(["0048 " + intl[4:], "%s-%s-%s" % (nsn[:3], nsn[3:6], nsn[6:]), "(+48) " + nsn, "48" + nsn])


def mobile(rng, e):
    """The mobile this source holds: some sources still have the number the customer used before."""
    return e.mobile_old if e.mobile_old and rng.random() < 0.5 else e.mobile


def typo(rng, s):
    """One keyboard slip: swap, drop, double or replace a letter (never the first)."""
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    k = rng.randrange(4)
    if k == 0:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if k == 1:
        return s[:i] + s[i + 1:]
    if k == 2:
        return s[:i] + s[i] + s[i:]
    return s[:i] + rng.choice("aeiounrst" if s.isascii() else s.lower()) + s[i + 1:]


def email(rng, e, work_ok=True, p_missing=0.08, p_typo=0.04):
    if rng.random() < p_missing:
        return ""
    addr = e.email_work if (work_ok and e.email_work and rng.random() < 0.4) else e.email
    if e.email_old and rng.random() < 0.5:
        addr = e.email_old
    local, _, dom = addr.partition("@")
    if rng.random() < p_typo:
        if dom in facts.DOMAIN_TYPOS and rng.random() < 0.7:
            dom = rng.choice(facts.DOMAIN_TYPOS[dom])
        else:
            local = typo(rng, local)
    out = local + "@" + dom
    r = rng.random()
    if r < 0.05:
        out = out.upper()
    elif r < 0.12:
        out = local.capitalize() + "@" + dom
    elif r < 0.15:
        out = " " + out + " "
    return out


def given_variant(rng, e, latin=False):
    g = e.given_lat if latin and e.given_lat else e.given
    r = rng.random()
    if r < 0.12 and g in facts.NICKNAMES:
        return rng.choice(facts.NICKNAMES[g])
    if r < 0.12 and not latin and g in facts.UA_DIMINUTIVES:
        return rng.choice(facts.UA_DIMINUTIVES[g])
    if r < 0.16 and len(g) > 1 and e.country != "TH":  # Thai names are not shortened to initials
        return g[0] + "."
    if r < 0.2:
        return typo(rng, g)
    return g


def family_variant(rng, e, latin=False):
    f = e.family_lat if latin and e.family_lat else e.family
    r = rng.random()
    if r < 0.04:
        return typo(rng, f)
    if r < 0.09:
        return f.upper()
    if r < 0.13 and not f.isascii() and e.country in ("DE", "FR", "PL"):
        from world import _ascii
        return _ascii(f).capitalize()
    return f


def ua_latin(rng, text):
    """Cyrillic → Latin the way a person typing into an English CRM would: KMU 2010, or older habits."""
    return translit_ua(text, old_style=rng.random() < 0.3)


def date(rng, ymd, style, jitter_days=0):
    y, m, d = ymd
    if jitter_days:
        d = max(1, min(28, d + rng.randint(-jitter_days, jitter_days)))
    if style == "ua":
        return "%02d.%02d.%d" % (d, m, y)
    if style == "th":
        return "%02d/%02d/%d" % (d, m, y + 543) if rng.random() < 0.9 else "%d/%d/%d" % (d, m, y + 543)
    if style == "sf":
        return "%d-%02d-%02dT%02d:%02d:%02d.000Z" % (y, m, d, rng.randrange(24), rng.randrange(60), rng.randrange(60))
    if style == "us":
        return "%d/%d/%d" % (m, d, y)
    if style == "iso":
        return "%d-%02d-%02dT%02d:%02d:%02dZ" % (y, m, d, rng.randrange(24), rng.randrange(60), rng.randrange(60))
    return "%02d/%02d/%d" % (d, m, y)


def space_noise(rng, s):
    r = rng.random()
    if r < 0.03:
        return " " + s
    if r < 0.06:
        return s + "  "
    if r < 0.08:
        return s.replace(" ", "  ", 1)
    return s
