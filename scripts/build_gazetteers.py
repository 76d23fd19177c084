"""Generate the country and demonym gazetteers under pipeline/data/.

    python scripts/build_gazetteers.py

Writes
- ``countries.tsv``: French CLDR territory names (through Babel) with ISO 3166-1
  alpha-3 codes (through pycountry). Sovereign states get source ``cldr``;
  dependent territories (``cldr-territory``) and CLDR regions (``cldr-region``)
  are places (LOC), not countries.
- ``demonyms.tsv``: every inflected form of the nationality adjectives below,
  with the alpha-3 code they point to.

Both are build-time only: the pipeline reads the TSV files and needs neither
Babel nor pycountry nor the network at run time.
"""
from __future__ import annotations

import gettext
import re
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data"

# The 193 UN member states, by alpha-2.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG
BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG
SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID
IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW
MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO
OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG
SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA
AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
# Observers and states with wide recognition that news treats as countries.
OTHER_STATES = {"VA", "PS", "XK", "TW"}
# Codes that have no ISO alpha-3 in pycountry (user-assigned).
EXTRA_ALPHA3 = {"XK": "XKX"}
# CLDR names that are not how news names the place, replaced by curated rows
# (countries: country_aliases.tsv; places: places.tsv).
SKIP_NAMES = {
    "PS": "Territoires palestiniens",   # the state is "Palestine" (alias); this name is a region
}
# CLDR region codes that are not places or are too generic to match.
SKIP_REGIONS = {"001", "057", "EU", "EZ", "UN", "QO", "ZZ"}

# Nationality adjectives (masculine singular) -> alpha-3. Inflected by rule.
DEMONYMS = """
afghan AFG; albanais ALB; algérien DZA; allemand DEU; américain USA; étasunien USA;
andorran AND; angolais AGO; saoudien SAU; argentin ARG; arménien ARM; australien AUS;
autrichien AUT; azerbaïdjanais AZE; azéri AZE; bahreïni BHR; bahreïnien BHR; bangladais BGD; belge BEL;
béninois BEN; bhoutanais BTN; biélorusse BLR; bélarusse BLR; birman MMR; bolivien BOL;
bosnien BIH; botswanais BWA; brésilien BRA; britannique GBR; anglais GBR; bulgare BGR;
burkinabè BFA; burkinabé BFA; burundais BDI; cambodgien KHM; camerounais CMR;
canadien CAN; cap-verdien CPV; capverdien CPV; centrafricain CAF; chilien CHL; chinois CHN;
chypriote CYP; colombien COL; comorien COM; congolais COG; nord-coréen PRK; sud-coréen KOR;
coréen KOR; costaricien CRI; ivoirien CIV; croate HRV; cubain CUB; danois DNK;
djiboutien DJI; dominicain DOM; égyptien EGY; émirati ARE; émirien ARE; équatorien ECU;
érythréen ERI; espagnol ESP; estonien EST; éthiopien ETH; fidjien FJI; finlandais FIN;
français FRA; gabonais GAB; gambien GMB; géorgien GEO; ghanéen GHA; grec GRC;
guatémaltèque GTM; guinéen GIN; bissau-guinéen GNB; équato-guinéen GNQ; haïtien HTI;
hondurien HND; hongrois HUN; indien IND; indonésien IDN; irakien IRQ; iranien IRN;
irlandais IRL; islandais ISL; israélien ISR; italien ITA; jamaïcain JAM; japonais JPN;
jordanien JOR; kazakh KAZ; kazakhstanais KAZ; kényan KEN; kenyan KEN; kirghize KGZ;
koweïtien KWT; laotien LAO; libanais LBN; libérien LBR; libyen LBY; lituanien LTU;
letton LVA; luxembourgeois LUX; macédonien MKD; malgache MDG; malaisien MYS; malawite MWI;
malien MLI; maltais MLT; marocain MAR; mauricien MUS; mauritanien MRT; mexicain MEX;
moldave MDA; monégasque MCO; mongol MNG; monténégrin MNE; mozambicain MOZ; namibien NAM;
népalais NPL; nicaraguayen NIC; nigérien NER; nigérian NGA; nigerian NGA; norvégien NOR;
néo-zélandais NZL; omanais OMN; ougandais UGA; ouzbek UZB; pakistanais PAK;
palestinien PSE; panaméen PAN; paraguayen PRY; néerlandais NLD; hollandais NLD;
péruvien PER; philippin PHL; polonais POL; portugais PRT; qatari QAT; qatarien QAT;
roumain ROU; russe RUS; rwandais RWA; salvadorien SLV; sénégalais SEN; serbe SRB;
seychellois SYC; sierra-léonais SLE; singapourien SGP; slovaque SVK; slovène SVN;
somalien SOM; soudanais SDN; sud-soudanais SSD; sri-lankais LKA; suédois SWE; suisse CHE;
surinamais SUR; syrien SYR; tadjik TJK; taïwanais TWN; tanzanien TZA; tchadien TCD;
tchèque CZE; thaïlandais THA; togolais TGO; tunisien TUN; turkmène TKM; turc TUR;
ukrainien UKR; uruguayen URY; vénézuélien VEN; vietnamien VNM; yéménite YEM;
zambien ZMB; zimbabwéen ZWE; sud-africain ZAF; érythréen ERI; eswatinien SWZ;
swazi SWZ; gabonais GAB; mauricien MUS; sahraoui ESH; kosovar XKX; kossovar XKX;
écossais GBR; gallois GBR; saint-marinais SMR; liechtensteinois LIE; brunéien BRN;
timorais TLS; est-timorais TLS; papou PNG; samoan WSM; tongien TON; vanuatais VUT;
mauritien MUS; lesothan LSO; santoméen STP; bahaméen BHS; barbadien BRB; trinidadien TTO;
guyanien GUY; bélizien BLZ; grenadien GRD; dominiquais DMA
"""

# Inflections that the suffix rules below get wrong.
IRREGULAR = {
    "grec": ["grecque", "grecs", "grecques"],
    "turc": ["turque", "turcs", "turques"],
    "kazakh": ["kazakhe", "kazakhs", "kazakhes"],
    "ouzbek": ["ouzbèke", "ouzbeks", "ouzbèkes"],
    "tadjik": ["tadjike", "tadjiks", "tadjikes"],
    "bahreïni": ["bahreïnie", "bahreïnis", "bahreïnies"],
    "qatari": ["qatarie", "qataris", "qataries"],
    "émirati": ["émiratie", "émiratis", "émiraties"],
    "azéri": ["azérie", "azéris", "azéries"],
    "sahraoui": ["sahraouie", "sahraouis", "sahraouies"],
    "swazi": ["swazie", "swazis", "swazies"],
}


def inflect(masc: str) -> list[str]:
    """Masculine singular -> the four forms, by French suffix rules."""
    if masc in IRREGULAR:
        return [masc] + IRREGULAR[masc]
    if masc.endswith(("ien", "éen", "yen")):
        fem = masc + "ne"
    elif masc.endswith("on"):
        fem = masc + "ne"
    elif masc.endswith("e"):
        fem = masc
    else:
        fem = masc + "e"
    mpl = masc if masc.endswith(("s", "x")) else masc + "s"
    fpl = fem + "s"
    return list(dict.fromkeys([masc, fem, mpl, fpl]))


def alpha3(a2: str) -> str:
    if a2 in EXTRA_ALPHA3:
        return EXTRA_ALPHA3[a2]
    c = pycountry.countries.get(alpha_2=a2)
    if c is None:
        raise KeyError(a2)
    return c.alpha_3


def clean_names(name: str) -> list[str]:
    """'Myanmar (Birmanie)' -> both names; 'R.A.S. chinoise de Hong Kong' kept
    (curated short forms live in places.tsv); apostrophes as '."""
    name = name.replace("\u2019", "'")
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        inner = m.group(2)
        # "(partie néerlandaise)" is a qualifier, not another name
        return [name] if inner[0].islower() else [m.group(1), inner]
    return [name]


def build_countries() -> list[tuple[str, str, str]]:
    terr = Locale("fr").territories
    sovereign = set(UN_MEMBERS) | OTHER_STATES
    assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    rows = []
    for code, name in sorted(terr.items()):
        if code in SKIP_REGIONS or SKIP_NAMES.get(code) == name:
            continue
        if code.isdigit():
            rows += [(n, "", "cldr-region") for n in clean_names(name)]
            continue
        try:
            a3 = alpha3(code)
        except KeyError:
            # CLDR-only codes (AC, CP, DG, EA, IC, TA, XA, XB…) are places at most
            if code in {"EA", "IC"}:
                rows += [(n, "", "cldr-territory") for n in clean_names(name)]
            continue
        src = "cldr" if code in sovereign else "cldr-territory"
        rows += [(n, a3, src) for n in clean_names(name)]
    missing = sovereign - set(terr)
    assert not missing, missing
    # the official long names in French (ISO 3166-1 through iso-codes' translations, shipped in
    # pycountry): communiqués write `République algérienne démocratique et populaire`
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    known = {r[0].lower() for r in rows}
    for code in sorted(sovereign):
        c = pycountry.countries.get(alpha_2=code)
        official = getattr(c, "official_name", None) if c is not None else None
        name = fr.gettext(official).replace("\u2019", "'") if official else None
        if name and name != official and name.lower() not in known:
            rows.append((name, c.alpha_3, "iso-official"))
    return rows


def main() -> None:
    rows = build_countries()
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_gazetteers.py from CLDR (Babel) + ISO 3166 (pycountry).\n")
        f.write("# source=cldr: sovereign state (COUNTRY); iso-official: its official French name (ISO 3166-1,\n")
        f.write("# iso-codes' translation in pycountry), a COUNTRY too; cldr-territory / cldr-region: a place (LOC).\n")
        f.write("name\talpha3\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    pairs = []
    for item in DEMONYMS.split(";"):
        word, code = item.split()
        pairs += [(form, code) for form in inflect(word)]
    pairs = list(dict.fromkeys(pairs))
    with open(OUT / "demonyms.tsv", "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_gazetteers.py: nationality adjectives and demonyms,\n")
        f.write("# every inflection, lower case (lookups fold case). Never COUNTRY mentions;\n")
        f.write("# the code is the country they point to (for roles).\n")
        f.write("demonym\talpha3\n")
        for form, code in pairs:
            f.write(f"{form}\t{code}\n")
    print(f"{len(rows)} territory names, {len(pairs)} demonym forms")


if __name__ == "__main__":
    main()
