#!/usr/bin/env python3
"""Generates eval/privacy/devset.jsonl: annotated citizen messages for the privacy scanner.

Deterministic (seed below). Offsets are Python str indices, i.e. Unicode scalars, end exclusive.
Checksums are computed (RIB/ICE mod 97, IBAN ISO 13616, card Luhn); look-alike items carry
"lookalike": true and contain no personal data, only numbers that must not be flagged.

    python3 eval/privacy/make_devset.py > eval/privacy/devset.jsonl
    python3 eval/privacy/make_devset.py --marked eval/privacy/names.heldout.txt > names.heldout.jsonl
"""
import json
import os
import random
import re
import sys

SEED = 20260309
R = random.Random(SEED)

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def maybe_arabic_digits(s, lang, p=0.4):
    if lang in ("ar", "darija-ar") and R.random() < p:
        return s.translate(AR_DIGITS if R.random() < 0.8 else FA_DIGITS)
    return s


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


# ---------- identifiers ----------

CIN_PREFIXES = ["A", "B", "BE", "BH", "BJ", "BK", "BL", "C", "CB", "CD", "D", "DA", "E", "EE", "F", "G", "GA", "H", "HA",
                "I", "IA", "J", "JA", "JB", "JC", "JE", "JT", "K", "L", "LA", "M", "N", "P", "PA", "Q", "R", "S", "SH", "T",
                "U", "V", "W", "WA", "X", "Y", "Z", "AB", "AD", "AE", "BB", "CN", "EA", "FA", "UA", "ZT"]


def cin(lang):
    v = R.choice(CIN_PREFIXES) + digits(R.choice([5, 6, 6, 6]))
    if lang == "darija-latn" and R.random() < 0.4:
        v = v.lower()
    return maybe_arabic_digits(v[:len(v.rstrip("0123456789"))], lang, 0) + maybe_arabic_digits(v[len(v.rstrip("0123456789")):], lang)


def passport(lang):
    return R.choice(["AB", "BK", "CD", "EM", "GH", "JK", "LM", "NP", "QR", "UZ", "YA", "ZH"]) + digits(7)


def massar(lang):
    return R.choice("DGHJKLMNPRS") + R.choice("123456789") + digits(8)


def phone(lang):
    kind = R.random()
    if kind < 0.8:
        prefix = R.choice(["6", "6", "6", "7", "7", "5"])
        nsn = prefix + digits(8)
        if prefix == "5":
            nsn = "5" + R.choice(["22", "23", "24", "25", "28", "35", "37", "39"]) + digits(6)
        fmt = R.randrange(12)
        national = "0" + nsn
        if fmt == 0:
            v = national
        elif fmt == 1:
            v = group(national, [2, 2, 2, 2, 2], " ")
        elif fmt == 2:
            v = group(national, [2, 2, 2, 2, 2], ".")
        elif fmt == 3:
            v = group(national, [2, 2, 2, 2, 2], "-")
        elif fmt == 4:
            v = group(national, [4, 3, 3], " ")
        elif fmt == 5:
            v = "+212" + nsn
        elif fmt == 6:
            v = "+212 " + group(nsn, [1, 2, 2, 2, 2], " ")
        elif fmt == 7:
            v = "+212 " + nsn[:3] + "-" + nsn[3:]
        elif fmt == 8:
            v = "00212 " + group(nsn, [3, 3, 3], " ")
        elif fmt == 9:
            v = "00212" + nsn
        elif fmt == 10:
            v = "+212 (0)" + group(nsn, [1, 2, 2, 2, 2], " ")
        else:
            v = "212" + nsn
        return maybe_arabic_digits(v, lang, 0.35)
    foreign = R.choice([
        lambda: "+33 " + group(R.choice("67") + digits(8), [1, 2, 2, 2, 2], " "),
        lambda: "+33" + R.choice("67") + digits(8),
        lambda: "0033 " + group(R.choice("67") + digits(8), [1, 2, 2, 2, 2], " "),
        lambda: "+34 " + group("6" + digits(8), [3, 3, 3], " "),
        lambda: "+1 (" + R.choice("2345689") + digits(2) + ") " + digits(3) + "-" + digits(4),
        lambda: "+44 7" + digits(3) + " " + digits(6),
        lambda: "+49 15" + digits(1) + " " + digits(8),
        lambda: "+39 3" + digits(2) + " " + digits(7),
        lambda: "+32 4" + digits(2) + " " + group(digits(6), [2, 2, 2], " "),
    ])
    return foreign()


FIRST = ["fatima", "mohamed", "youssef", "khadija", "amine", "salma", "hamza", "meryem", "omar", "imane", "karim", "nadia",
         "rachid", "zineb", "said", "houda", "anas", "soukaina", "ayoub", "laila", "driss", "hajar", "mehdi", "asmaa"]
LAST = ["bennani", "alaoui", "tazi", "elidrissi", "berrada", "amrani", "chraibi", "ouazzani", "benjelloun", "lahlou",
        "fassi", "elmansouri", "ait.lahcen", "bouzid", "naciri", "kettani", "sebti", "ziani"]
DOMAINS = ["gmail.com", "yahoo.fr", "hotmail.com", "outlook.fr", "menara.ma", "gmail.com", "usmba.ac.ma", "um5.ac.ma",
           "taalim.ma", "mail.ru", "protonmail.com"]


def email(lang):
    f, l = R.choice(FIRST), R.choice(LAST).replace(".", "")
    local = R.choice([f + "." + l, f + l, f[0] + "." + l, f + "_" + l + str(R.randrange(1, 99)), l + f[:1] + str(R.randrange(70, 99)),
                      f + "-" + l])
    return local + "@" + R.choice(DOMAINS)


def mod97(s):
    return int(s) % 97


BANKS = ["007", "011", "013", "021", "022", "050", "190", "225", "230", "310", "350"]


def rib_digits():
    base = R.choice(BANKS) + digits(3) + digits(16)
    key = 97 - (int(base) * 100) % 97
    return base + "%02d" % key


def rib(lang):
    d = rib_digits()
    fmt = R.randrange(5)
    if fmt == 0:
        v = d
    elif fmt == 1:
        v = d[:3] + " " + d[3:6] + " " + d[6:22] + " " + d[22:]
    elif fmt == 2:
        v = group(d, [4] * 6, " ")
    elif fmt == 3:
        v = d[:3] + "-" + d[3:6] + "-" + d[6:22] + "-" + d[22:]
    else:
        v = group(d, [3, 3, 4, 4, 4, 4, 2], " ")
    return maybe_arabic_digits(v, lang, 0.2)


def iban_check(country, bban):
    s = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(n) % 97)


def iban(lang):
    kind = R.random()
    if kind < 0.6:
        body = "MA" + iban_check("MA", rib_digits()) if False else None
        d = rib_digits()
        compact = "MA" + iban_check("MA", d) + d
    elif kind < 0.75:
        bban = "30006" + "00001" + digits(11) + digits(2)
        compact = "FR" + iban_check("FR", bban) + bban
    elif kind < 0.85:
        bban = digits(20)
        compact = "ES" + iban_check("ES", bban) + bban
    elif kind < 0.93:
        bban = digits(18)
        compact = "DE" + iban_check("DE", bban) + bban
    else:
        bban = "NWBK" + digits(14)
        compact = "GB" + iban_check("GB", bban) + bban
    if R.random() < 0.6:
        return group(compact, [4] * 9, " ")
    return compact


def card(lang):
    while True:
        if R.random() < 0.6:
            d = "4" + digits(14)
        else:
            d = R.choice(["51", "52", "53", "54", "55"]) + digits(13)
        for c in "0123456789":
            if luhn_ok(d + c):
                d = d + c
                break
        break
    fmt = R.randrange(4)
    if fmt == 0:
        return d
    if fmt == 1:
        return group(d, [4] * 4, " ")
    if fmt == 2:
        return group(d, [4] * 4, "-")
    return group(d, [4] * 4, " ")


def luhn_ok(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def cnss(lang):
    v = R.choice("123456789") + digits(8)
    if R.random() < 0.2:
        v = v[:3] + " " + v[3:6] + " " + v[6:]
    return maybe_arabic_digits(v, lang, 0.3)


def ice_digits():
    base = "00" + digits(11) if R.random() < 0.7 else digits(13)
    key = (97 - (int(base) * 100) % 97) % 97
    return base + "%02d" % key


def ice(lang):
    return maybe_arabic_digits(ice_digits(), lang, 0.2)


MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
}


def dob(lang):
    d, m, y = R.randrange(1, 29), R.randrange(1, 13), R.randrange(1945, 2012)
    k = R.randrange(6)
    if k == 0:
        v = "%02d/%02d/%d" % (d, m, y)
    elif k == 1:
        v = "%02d-%02d-%d" % (d, m, y)
    elif k == 2:
        v = "%02d.%02d.%d" % (d, m, y)
    elif k == 3:
        v = "%d-%02d-%02d" % (y, m, d)
    elif k == 4:
        v = "%d/%d/%d" % (d, m, y)
    else:
        if lang in ("ar", "darija-ar"):
            v = "%d %s %d" % (d, MONTHS["ar"][m - 1], y)
        elif lang == "en":
            v = R.choice(["%d %s %d" % (d, MONTHS["en"][m - 1], y), "%s %d, %d" % (MONTHS["en"][m - 1], d, y)])
        else:
            v = "%d %s %d" % (d, MONTHS["fr"][m - 1], y)
    return maybe_arabic_digits(v, lang, 0.3)


def ip(lang):
    return R.choice(["192.168.%d.%d" % (R.randrange(256), R.randrange(1, 255)), "10.%d.%d.%d" % (R.randrange(256), R.randrange(256), R.randrange(1, 255)),
                     "%d.%d.%d.%d" % (R.randrange(41, 223), R.randrange(256), R.randrange(256), R.randrange(1, 255))])


LATIN_NAMES = ["Fatima Zahra Bennani", "Mohamed Alaoui", "Youssef El Idrissi", "Khadija Tazi", "Amine Berrada", "Salma Chraibi",
               "Hamza Ouazzani", "Meryem Benjelloun", "Omar Lahlou", "Imane Fassi", "Karim El Mansouri", "Nadia Ait Lahcen",
               "Rachid Bouzid", "Zineb Naciri", "Said Kettani", "Houda Sebti", "Anas Ziani", "Soukaina Amrani", "Driss Benkirane",
               "Hajar Ouali", "Mehdi Squalli", "Asmaa Filali", "Brahim Oubella", "Itto Ait Baha"]
AR_NAMES = ["محمد العلوي", "فاطمة الزهراء بناني", "يوسف الإدريسي", "خديجة التازي", "أمين برادة", "سلمى الشرايبي", "حمزة الوزاني",
            "مريم بنجلون", "عمر لحلو", "إيمان الفاسي", "كريم المنصوري", "نادية آيت لحسن", "رشيد بوزيد", "زينب الناصري", "سعيد الكتاني"]
TFNG_NAMES = ["ⵢⵓⴱⴰ", "ⵉⵟⵜⵓ", "ⵎⴰⵙⵉⵏⵉⵙⴰ", "ⵜⵉⵍⴻⵍⵍⵉ", "ⴰⵎⴰⵔ", "ⵎⵓⵃⴰ ⵓⵃⵎⵎⵓ", "ⵜⵉⴼⴰⵡⵜ", "ⵉⴷⵉⵔ"]
AMZ_LATIN_NAMES = ["Yuba", "Itto", "Masinissa", "Tilelli", "Amar", "Muha Uḥemmu", "Tifawt", "Idir", "Tudert Ait Ali"]


def person(lang):
    if lang in ("ar", "darija-ar"):
        return R.choice(AR_NAMES)
    if lang == "amazigh-tfng":
        return R.choice(TFNG_NAMES)
    if lang == "amazigh-latn":
        return R.choice(AMZ_LATIN_NAMES)
    n = R.choice(LATIN_NAMES)
    if lang == "darija-latn" and R.random() < 0.5:
        n = n.split()[0].lower() if R.random() < 0.5 else n.lower()
    return n


STREETS = ["Ibn Sina", "Mohammed V", "Hassan II", "Al Massira", "Zerktouni", "Moulay Youssef", "Abdelkrim El Khattabi", "Oqba",
           "Al Andalous", "Palestine", "Allal El Fassi", "Bir Anzarane", "Al Qods", "Ibn Batouta"]
HAYS = ["Salam", "Riad", "Hassani", "Mohammadi", "Nahda", "Al Fath", "Karima", "Saada", "Lalla Meryem"]
CITIES = ["Rabat", "Casablanca", "Fès", "Marrakech", "Tanger", "Agadir", "Oujda", "Kénitra", "Tétouan", "Meknès", "Salé", "Tiznit"]
AR_STREETS = ["ابن سينا", "محمد الخامس", "الحسن الثاني", "المسيرة", "الزرقطوني", "مولاي يوسف", "القدس", "فلسطين", "الأندلس"]
AR_HAYS = ["السلام", "الرياض", "النهضة", "الفتح", "المحمدي", "الحسني", "السعادة"]
AR_CITIES = ["الرباط", "الدار البيضاء", "فاس", "مراكش", "طنجة", "أكادير", "وجدة", "القنيطرة", "تطوان", "مكناس", "سلا"]


def address(lang):
    n = str(R.randrange(1, 240))
    if lang in ("ar", "darija-ar"):
        k = R.randrange(4)
        if k == 0:
            v = "زنقة %s رقم %s" % (R.choice(AR_STREETS), n)
        elif k == 1:
            v = "حي %s %s" % (R.choice(AR_HAYS), R.choice(AR_CITIES))
        elif k == 2:
            v = "شارع %s رقم %s %s" % (R.choice(AR_STREETS), n, R.choice(AR_CITIES))
        else:
            v = "درب %s رقم %s" % (R.choice(AR_HAYS), n)
        return maybe_arabic_digits(v, lang, 0.3)
    if lang == "amazigh-tfng":
        return R.choice(["ⴰⵖⴰⵔⴰⵙ ⵏ ⵜⴰⴼⵓⴽⵜ %s" % n, "ⴰⵣⵏⵉⵇ ⵏ ⵓⵙⴰⴼⴰⵔ %s" % n, "ⴰⵖⴰⵔⴰⵙ ⵎⵓⵃⵎⵎⴰⴷ %s" % n])
    k = R.randrange(7)
    if k == 0:
        v = "%s rue %s" % (n, R.choice(STREETS))
    elif k == 1:
        v = "%s, avenue %s, %s" % (n, R.choice(STREETS), R.choice(CITIES))
    elif k == 2:
        v = "Hay %s %s" % (R.choice(HAYS), R.choice(CITIES))
    elif k == 3:
        v = "Lot %s n° %s" % (R.choice(HAYS), n)
    elif k == 4:
        v = "Résidence %s Imm %d Appt %d" % (R.choice(HAYS), R.randrange(1, 30), R.randrange(1, 40))
    elif k == 5:
        v = "derb %s %s" % (R.choice(HAYS).lower() if lang == "darija-latn" else R.choice(HAYS), n)
    else:
        v = "%s Bd %s, %s" % (n, R.choice(STREETS), R.choice(CITIES))
    if lang == "en":
        v = R.choice(["%s %s Street, %s" % (n, R.choice(STREETS), R.choice(CITIES)), v])
    return v


GEN = {"CIN": cin, "PASSPORT": passport, "MASSAR": massar, "PHONE": phone, "EMAIL": email, "RIB": rib, "IBAN": iban,
       "CARD": card, "CNSS": cnss, "ICE": ice, "DATE_OF_BIRTH": dob, "IP_ADDRESS": ip, "PERSON": person, "ADDRESS": address}

# ---------- look-alikes (no personal data) ----------


def bad_rib():
    d = rib_digits()
    i = R.randrange(24)
    d = d[:i] + str((int(d[i]) + R.randrange(1, 10)) % 10) + d[i + 1:]
    return R.choice([d, d[:3] + " " + d[3:6] + " " + d[6:22] + " " + d[22:], group(d, [4] * 6, " ")])


def bad_card():
    while True:
        d = "4" + digits(15)
        if not luhn_ok(d):
            return R.choice([d, group(d, [4] * 4, " ")])


def etimbre():
    while True:
        d = digits(16)
        if not luhn_ok(d):
            return R.choice([d, group(d, [4] * 4, " ")])


def bad_ice():
    while True:
        d = "00" + digits(13)
        if int(d) % 97 != 0:
            return d


def bad_iban():
    d = rib_digits()
    compact = "MA" + iban_check("MA", d) + d
    i = R.randrange(6, 28)
    compact = compact[:i] + str((int(compact[i]) + R.randrange(1, 10)) % 10) + compact[i + 1:]
    return R.choice([compact, group(compact, [4] * 7, " ")])


LOOK = {"BADRIB": bad_rib, "BADCARD": bad_card, "ETIMBRE": etimbre, "BADICE": bad_ice, "BADIBAN": bad_iban,
        "AMOUNT": lambda: R.choice(["%d DH" % R.randrange(50, 9000), "%s dirhams" % group(str(R.randrange(1000, 999999)), [3, 3], " "),
                                    "%d,00 MAD" % R.randrange(100, 99999), "1 500 000 DH", "250 000 dhs", "%d درهم" % R.randrange(20, 5000)]),
        "YEAR": lambda: str(R.randrange(1990, 2027)),
        "LAW": lambda: R.choice(["loi 09-08", "loi n° 31-13", "décret 2-23-1047", "dahir 1-09-15", "loi 05-20", "décret n° 2-24-921",
                                 "loi 43-20", "arrêté 3-23-19", "القانون 09.08", "المرسوم 2.23.1047", "القانون رقم 31.13"]),
        "ORDER": lambda: R.choice(["CMD-%d-%s" % (R.randrange(2020, 2027), digits(6)), "n° %s/%d" % (digits(5), R.randrange(2019, 2027)),
                                   "#%s" % digits(8), "DOS-%s" % digits(7), "%d/%s" % (R.randrange(2019, 2027), digits(7)), "REF %s" % digits(10)]),
        "POSTAL": lambda: R.choice(["10000", "20250", "30000", "40000", "80000", "90000", "14000", "11020"]),
        "TRACK": lambda: "RR%sMA" % digits(9),
        "APPT": lambda: R.choice(["%02d/%02d/%d" % (R.randrange(1, 29), R.randrange(1, 13), R.randrange(2024, 2027)),
                                  "%d %s %d" % (R.randrange(1, 29), R.choice(MONTHS["fr"]), R.randrange(2024, 2027))]),
        "SHORT": lambda: R.choice(["19", "15", "177", "150", "5757", "080 100 0000"][:5]),
        "TIME": lambda: "%dh%02d" % (R.randrange(8, 18), R.choice([0, 15, 30, 45])),
        "PLATE": lambda: "%d-%s-%d" % (R.randrange(1000, 99999), R.choice(["أ", "ب", "د", "هـ", "و"]), R.randrange(1, 89)),
        "ROOM": lambda: "%d" % R.randrange(1, 400),
        }
CHECKSUM_LOOK = {"BADRIB", "BADCARD", "ETIMBRE", "BADICE", "BADIBAN"}

# ---------- templates ----------
# {TYPE} = personal data (annotated); {LOOK:KIND} = look-alike filler (not annotated).

PII = {
    "fr": [
        "Paiement par carte bancaire {CARD} le {LOOK:APPT}, montant {LOOK:AMOUNT}.",
        "L'adresse IP {IP_ADDRESS} est signalée par le pare-feu.",
        "Fournisseur : ICE {ICE}, facture {LOOK:ORDER}.",
        "Merci de rembourser sur l'IBAN {IBAN}.",
        "Bonjour, je souhaite renouveler ma CIN {CIN}, mon téléphone est le {PHONE}.",
        "Madame, Monsieur, suite à ma demande, voici mon numéro de carte nationale : {CIN}. Merci de me rappeler au {PHONE}.",
        "Je m'appelle {PERSON} et j'habite au {ADDRESS}. Mon email : {EMAIL}",
        "Merci de verser la bourse sur mon RIB {RIB} s'il vous plaît.",
        "Mon IBAN est {IBAN}, titulaire {PERSON}.",
        "Le paiement a été refusé avec ma carte {CARD}, pouvez-vous vérifier ?",
        "Numéro d'immatriculation CNSS : {CNSS}. Je n'ai pas reçu mes allocations.",
        "ICE de la société : {ICE}, merci de corriger la facture.",
        "Mon fils a perdu son code Massar {MASSAR}, comment le récupérer ?",
        "Je suis né le {DATE_OF_BIRTH} à Fès, mais l'acte porte une autre date.",
        "Date de naissance : {DATE_OF_BIRTH} — CIN : {CIN}",
        "Passeport n° {PASSPORT} expiré, je voyage la semaine prochaine.",
        "Contact : {EMAIL} / {PHONE}",
        "M. {PERSON} demande un rendez-vous, joignable au {PHONE}.",
        "Mme {PERSON}, née le {DATE_OF_BIRTH}, réside {ADDRESS}.",
        "Notre serveur {IP_ADDRESS} est bloqué depuis hier par votre portail.",
        "Bonjour,\nveuillez trouver mon RIB : {RIB}\nCordialement",
        "tel:{PHONE} cin:{CIN}",
        "Mon adresse a changé : {ADDRESS}. Ancien téléphone {PHONE}.",
        "Pouvez-vous envoyer le reçu à {EMAIL} ? Mon numéro CIN est {CIN}.",
    ],
    "ar": [
        "تم الأداء بالبطاقة البنكية {CARD} مرتين",
        "عنوان IP الخاص بالخادم {IP_ADDRESS}",
        "الحساب البنكي IBAN {IBAN}",
        "السلام عليكم، أريد تجديد البطاقة الوطنية رقم {CIN} وهاتفي {PHONE}",
        "اسمي {PERSON} وأسكن في {ADDRESS}",
        "المرجو تحويل المنحة إلى حسابي البنكي {RIB}",
        "رقم التسجيل في الضمان الاجتماعي: {CNSS}",
        "تاريخ الازدياد {DATE_OF_BIRTH} ورقم البطاقة {CIN}",
        "السيد {PERSON} يطلب موعدا، الهاتف: {PHONE}",
        "رمز مسار التلميذ هو {MASSAR}",
        "المعرف الموحد للمقاولة ICE {ICE}",
        "جواز السفر رقم {PASSPORT} انتهت صلاحيته",
        "البريد الإلكتروني: {EMAIL} والهاتف \u200f{PHONE}\u200f",
        "مزداد بتاريخ {DATE_OF_BIRTH} بمدينة مراكش",
        "رقم الحساب {IBAN} باسم {PERSON}",
        "أسكن في {ADDRESS} ورقم هاتفي {PHONE}",
    ],
    "darija-ar": [
        "سلام، بغيت نجدد لاكارط ديالي {CIN}، نمرتي {PHONE}",
        "سميتي {PERSON} ساكن ف {ADDRESS}",
        "عافاك صيفطو ليا الفلوس ف الحساب {RIB}",
        "تزاديت نهار {DATE_OF_BIRTH} و البطاقة ديالي {CIN}",
        "الرقم ديال لاسنس ديالي {CNSS} وما وصلني والو",
        "ولدي ضاع ليه رمز مسار {MASSAR} شنو ندير؟",
        "عيطو ليا ف {PHONE} ولا صيفطو ل {EMAIL}",
        "الباسبور ديالي {PASSPORT} سالا، بغيت نجددو",
        "خلصت بالكارط {CARD} و ما تقبلاتش",
    ],
    "darija-latn": [
        "ip dyal serveur {IP_ADDRESS} ma khdamch",
        "ICE dyal charika {ICE}",
        "salam, bghit nbeddel lcarte dyali {CIN} 3afak, nmra dyali {PHONE}",
        "ana smiti {PERSON} w saken f {ADDRESS}",
        "sifto liya lflouss f rib {RIB} 3afak",
        "nmrti hiya {PHONE}, 3iyto liya mn ba3d",
        "cin dyali {CIN} w tzadt f {DATE_OF_BIRTH}",
        "lmail dyali {EMAIL} wla whatsapp {PHONE}",
        "weldi code massar dyalo {MASSAR} ma khdamch",
        "cnss dyali {CNSS} ma bghach ydkhol",
        "khlsst b la carte {CARD} walakin ma wslatch",
        "passport dyali {PASSPORT} salat lih lmoda",
        "smiti {PERSON}, lcarte {CIN}",
        "iban dyali {IBAN} 3afak",
        "mzyad f {DATE_OF_BIRTH} f Casa",
    ],
    "amazigh-tfng": [
        "ⴰⵣⵓⵍ, ⵉⵙⵎ ⵉⵏⵓ {PERSON}, ⵜⴰⴽⴰⵔⴹⴰ: {CIN}",
        "ⴰⵣⵓⵍ, ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⵉⵏⵓ {PHONE}",
        "ⴰⵙⵙ ⵏ ⵜⵍⴰⵍⵉⵜ: {DATE_OF_BIRTH}",
        "ⵉⵙⵎ ⵉⵏⵓ {PERSON}, ⵣⴷⵖ ⴳ {ADDRESS}",
        "ⵜⴰⴽⴰⵔⴹⴰ ⵉⵏⵓ {CIN} ⴷ ⵓⵟⵟⵓⵏ {PHONE}",
        "ⴰⵎⵉⵍ: {EMAIL}",
        "RIB: {RIB} ⵜⴰⵏⵎⵎⵉⵔⵜ",
    ],
    "amazigh-latn": [
        "Azul, isem inu {PERSON}, takarḍa: {CIN}",
        "azul, uṭṭun n tilifun inu {PHONE}",
        "ass n tlalit: {DATE_OF_BIRTH}, takarḍa {CIN}",
        "Isem inu {PERSON}, zedɣ g {ADDRESS}",
        "tanmmirt, email inu {EMAIL}",
        "RIB inu: {RIB}",
        "uṭṭun n CNSS {CNSS}",
    ],
    "en": [
        "Server {IP_ADDRESS} cannot reach the API since {LOOK:YEAR}.",
        "Card number: {CARD}, expiry 09/27.",
        "Supplier ICE: {ICE}; IBAN {IBAN}.",
        "Hello, my name is {PERSON} and my phone number is {PHONE}.",
        "Please update my address to {ADDRESS}. My passport number is {PASSPORT}.",
        "My national ID card (CIN) is {CIN}, date of birth {DATE_OF_BIRTH}.",
        "Transfer the refund to IBAN {IBAN}, thanks.",
        "I was charged twice on card {CARD}.",
        "Our company ICE is {ICE}.",
        "Contact me at {EMAIL} or call {PHONE}.",
        "The request came from IP address {IP_ADDRESS}.",
        "Mr. {PERSON} was born on {DATE_OF_BIRTH}.",
    ],
    "mixed": [
        "l'IP dyali {IP_ADDRESS} mbloquya 3andkom",
        "carte bancaire {CARD} تخلصت بيها مرتين",
        "ICE dyal charika {ICE} w RIB {RIB}",
        "Salam, bghit nbeddel l'adresse: {ADDRESS}, CIN {CIN}, merci",
        "السلام، mon numéro est {PHONE} و البطاقة {CIN}",
        "slm, email dyali {EMAIL}, tel {PHONE} 🙏",
        "سميتي {PERSON}, RIB dyali {RIB}",
        "Bonjour 👋 ana smiti {PERSON}, nmra {PHONE}",
        "ⴰⵣⵓⵍ! CIN {CIN}, tél {PHONE}",
        "hello, lcarte {CIN} w passport {PASSPORT}",
        "IBAN: {IBAN} — باسم {PERSON}",
        "رقم الهاتف: {PHONE} / email: {EMAIL}",
        "Né le {DATE_OF_BIRTH}, CNSS {CNSS}, tél {PHONE}",
    ],
}

LOOKALIKE = {
    "fr": [
        "Conformément à la {LOOK:LAW} et au {LOOK:LAW}, vos données sont protégées.",
        "Le montant de {LOOK:AMOUNT} a été prélevé en {LOOK:YEAR}.",
        "Votre commande {LOOK:ORDER} sera livrée le {LOOK:APPT}.",
        "Code postal {LOOK:POSTAL}, dossier {LOOK:ORDER}.",
        "J'ai payé l'e-Timbre {LOOK:ETIMBRE} mais il n'est pas reconnu.",
        "Le RIB {LOOK:BADRIB} que j'ai reçu semble faux, pouvez-vous vérifier ?",
        "La carte {LOOK:BADCARD} a été refusée (numéro erroné).",
        "Rendez-vous le {LOOK:APPT} à {LOOK:TIME}, bureau {LOOK:ROOM}.",
        "En cas d'urgence appelez le {LOOK:SHORT}.",
        "Colis {LOOK:TRACK} en attente depuis {LOOK:YEAR}.",
        "L'ICE {LOOK:BADICE} indiqué sur la facture est invalide.",
        "IBAN saisi : {LOOK:BADIBAN} (erreur de clé).",
        "Le budget {LOOK:YEAR} prévoit {LOOK:AMOUNT} pour la commune.",
    ],
    "ar": [
        "طبقا للقانون 09.08 و{LOOK:LAW}، يتم حماية المعطيات.",
        "المبلغ {LOOK:AMOUNT} عن سنة {LOOK:YEAR}",
        "الموعد يوم {LOOK:APPT} على الساعة {LOOK:TIME}",
        "رقم الملف {LOOK:ORDER} والرمز البريدي {LOOK:POSTAL}",
        "أديت الطابع الإلكتروني {LOOK:ETIMBRE} ولم يقبل",
        "في حالة الطوارئ اتصل ب {LOOK:SHORT}",
        "السيارة رقم {LOOK:PLATE} متوقفة أمام الإدارة",
    ],
    "darija-ar": [
        "خلصت {LOOK:AMOUNT} ف {LOOK:YEAR} و مازال ما وصلني والو",
        "الموعد ديالي نهار {LOOK:APPT} مع {LOOK:TIME}",
        "الطلب ديالي رقم {LOOK:ORDER} فين وصل؟",
        "شريت تنبر {LOOK:ETIMBRE} و ما خدامش",
        "الطوموبيل {LOOK:PLATE} تحيدات ليا",
    ],
    "darija-latn": [
        "khlst {LOOK:AMOUNT} f {LOOK:YEAR} w mazal",
        "rdv dyali nhar {LOOK:APPT} m3a {LOOK:TIME}",
        "commande dyali {LOOK:ORDER} fin wslat?",
        "chrit e-timbre {LOOK:ETIMBRE} w ma khdamch",
        "3tawni rib {LOOK:BADRIB} w ma khdamch, ghalat",
        "la carte {LOOK:BADCARD} ma tqbltch",
        "l9anon {LOOK:LAW} kay7mi les données",
    ],
    "amazigh-tfng": [
        "ⴰⵙⴳⴳⵯⴰⵙ {LOOK:YEAR} ⵜⴰⵏⵎⵎⵉⵔⵜ",
        "ⴰⵣⵓⵍ, ⴰⵙⵍⴰⵖ {LOOK:ORDER}",
        "ⴰⵣⵔⴼ {LOOK:LAW}",
        "ⴰⵙⵙ {LOOK:APPT}",
    ],
    "amazigh-latn": [
        "aseggwas {LOOK:YEAR}, tanmmirt",
        "azul, asghal {LOOK:ORDER}",
        "azerf {LOOK:LAW} d {LOOK:LAW}",
        "e-timbre {LOOK:ETIMBRE} ur iqbil",
    ],
    "en": [
        "Under {LOOK:LAW}, personal data must be protected.",
        "The fee is {LOOK:AMOUNT}, payable before {LOOK:APPT}.",
        "Order {LOOK:ORDER} shipped in {LOOK:YEAR}.",
        "My card {LOOK:BADCARD} was rejected as invalid.",
        "Tracking {LOOK:TRACK}, postal code {LOOK:POSTAL}.",
        "The e-Timbre code {LOOK:ETIMBRE} does not work.",
    ],
    "mixed": [
        "Salam, la {LOOK:LAW} dit quoi 3la les données?",
        "khlst {LOOK:AMOUNT} pour dossier {LOOK:ORDER}",
        "RIB {LOOK:BADRIB} ghalat 😅",
        "ICE {LOOK:BADICE} ma khdamch",
        "IBAN {LOOK:BADIBAN} رفض",
        "موعد {LOOK:APPT} à {LOOK:TIME}",
    ],
}

COUNTS = {"fr": 90, "ar": 65, "darija-ar": 55, "darija-latn": 70, "amazigh-tfng": 36, "amazigh-latn": 36, "en": 54, "mixed": 75}


def render(template, lang):
    text, entities, checksum_look = "", [], False
    pos = 0
    for m in re.finditer(r"\{(LOOK:)?([A-Z_]+)\}", template):
        text += template[pos:m.start()]
        if m.group(1):
            kind = m.group(2)
            text += LOOK[kind]()
            checksum_look = checksum_look or kind in CHECKSUM_LOOK
        else:
            t = m.group(2)
            value = GEN[t](lang)
            entities.append({"type": t, "start": len(text), "end": len(text) + len(value)})
            text += value
        pos = m.end()
    text += template[pos:]
    return text, entities, checksum_look


def handwritten(path, prefix="hw", source=None, unescape=False):
    """Hand-written held-out items: [[TYPE|value]] markup in eval/privacy/handwritten.txt.

    `unescape`: a two-character "\\n" in the text is a line break (the names sets use it for signature lines)."""
    items = []
    counters = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or len(cols) > 3 or (len(cols) == 3 and cols[2] != "lookalike"):
                sys.exit(f"{path}: expected LANG<TAB>text[<TAB>lookalike], got {line[:60]!r}")
            lang, marked = cols[0], cols[1]
            if unescape:
                marked = marked.replace("\\n", "\n")
            text, entities, pos = "", [], 0
            for m in re.finditer(r"\[\[([A-Z_]+)\|(.+?)\]\]", marked):
                text += marked[pos:m.start()]
                entities.append({"type": m.group(1), "start": len(text), "end": len(text) + len(m.group(2))})
                text += m.group(2)
                pos = m.end()
            text += marked[pos:]
            counters[lang] = counters.get(lang, 0) + 1
            item = {"id": "%s-%s-%02d" % (prefix, lang, counters[lang]), "lang": lang, "text": text, "entities": entities,
                    "source": source or ("handwritten" if prefix == "hw" else "heldout")}
            if len(cols) > 2 and cols[2] == "lookalike":
                item["lookalike"] = True
            items.append(item)
    return items


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--marked":
        # One hand-written marked file (e.g. names.heldout.txt) as JSONL, for evaluate.py.
        path = sys.argv[2]
        name = os.path.basename(path).rsplit(".", 1)[0]
        for item in handwritten(path, prefix=name, source=name, unescape=True):
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    items = []
    for lang, total in COUNTS.items():
        n_look = total // 3 + 1
        for i in range(total):
            look = i < n_look
            template = R.choice(LOOKALIKE[lang] if look else PII[lang])
            text, entities, checksum_look = render(template, lang)
            item = {"id": "%s-%03d" % (lang, i + 1), "lang": lang, "text": text, "entities": entities}
            if checksum_look:
                item["lookalike"] = True
            items.append(item)
    here = os.path.dirname(os.path.abspath(__file__))
    items += handwritten(os.path.join(here, "handwritten.txt"))
    items += handwritten(os.path.join(here, "heldout.txt"), prefix="ho")
    for item in items:
        for e in item["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(item["text"])
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
