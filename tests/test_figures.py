"""pipeline.figures: MONEY, PERCENT and QUANTITY on hand-written French sentences."""
import pytest

from pipeline.extraction.figures import find_figures


def figs(nlp, text):
    return [(m.label, m.text, m.norm) for m in find_figures(nlp(text))]


def check(nlp, text, *expected):
    got = figs(nlp, text)
    for e in expected:
        assert e in got, f"{e} not in {got}"
    return got


# ------------------------------------------------------------------ MONEY

@pytest.mark.parametrize("text, span, norm", [
    ("Le groupe a investi 2,4 milliards de dirhams dans son usine.",
     "2,4 milliards de dirhams", "2400000000 MAD"),
    ("Le budget atteint 45 MDH cette année.", "45 MDH", "45000000 MAD"),
    ("Les recettes ont atteint 312,5 MMDH en 2023.", "312,5 MMDH", "312500000000 MAD"),
    ("La dette s'élève à 1.250 Mds DH selon le ministère.", "1.250 Mds DH", "1250000000000 MAD"),
    ("L'aide est de 3.000 dirhams par mois.", "3.000 dirhams", "3000 MAD"),
    ("Le prix du billet est de 450 DH.", "450 DH", "450 MAD"),
    ("Tunis - Le déficit s'est creusé à 1 520,3 MD fin mars en Tunisie.", "1 520,3 MD",
     "1520300000 TND"),
    ("Le wali a annoncé une enveloppe de 45 MDA pour la commune.", "45 MDA", "45000000 DZD"),
    # a Tunisian article that names Algeria as a partner keeps its dinars Tunisian
    ("Tunis - Les exportations vers l'Algérie ont atteint 830 MD.", "830 MD", "830000000 TND"),
    ("La banque a prêté 300 millions d’euros au pays.", "300 millions d’euros", "300000000 EUR"),
    ("Un contrat de 75 M€ a été conclu.", "75 M€", "75000000 EUR"),
    ("Le ticket coûte 12 € seulement.", "12 €", "12 EUR"),
    ("Le fonds dispose de 2 milliards de dollars.", "2 milliards de dollars", "2000000000 USD"),
    ("L'entreprise a levé 1,2 milliard USD sur les marchés.", "1,2 milliard USD",
     "1200000000 USD"),
    ("Le budget de l'Etat est de 7\u00a0212,4 milliards de FCFA.", "7\u00a0212,4 milliards de FCFA",
     "7212400000000 XOF"),
    ("Le FMI accorde 500 millions de DTS au pays.", "500 millions de DTS", "500000000 XDR"),
    ("La facture atteint 40 millions de livres sterling.", "40 millions de livres sterling",
     "40000000 GBP"),
    ("Le projet coûtera un milliard de dirhams.", "un milliard de dirhams", "1000000000 MAD"),
    ("Le projet coûtera deux millions d'euros.", "deux millions d'euros", "2000000 EUR"),
    ("Alger a débloqué 12 milliards de dinars pour les routes.", "12 milliards de dinars",
     "12000000000 DZD"),
    ("Le salaire minimum est fixé à 60\u202f000 francs CFA.", "60\u202f000 francs CFA", "60000 XOF"),
    # East African shillings: Kenyan unless the article names another issuer
    ("À Nairobi, le Trésor a levé 2 milliards de shillings.", "2 milliards de shillings",
     "2000000000 KES"),
    ("L'Ouganda a voté un budget de 72 000 milliards de shillings.", "72 000 milliards de shillings",
     "72000000000000 UGX"),
    ("L'Éthiopie a reçu 900 millions de birrs.", "900 millions de birrs", "900000000 ETB"),
    # the CFA zone the article names most: one Cameroonian among Ivorian cues stays West African
    ("Le Camerounais a reçu 5 millions de francs CFA à Abidjan, en Côte d'Ivoire.",
     "5 millions de francs CFA", "5000000 XOF"),
    ("Le Gabon et le Cameroun, membres de la Cemac, ont emprunté 80 milliards de FCFA à Dakar.",
     "80 milliards de FCFA", "80000000000 XAF"),
    # rupees written `Rs` before the amount; the issuer is the article's country
    ("À Port-Louis, la banque mauricienne annonce un profit de Rs 3,7 milliards.",
     "Rs 3,7 milliards", "3700000000 MUR"),
    ("Maurice : le ticket de bus passe à Rs 28 dès lundi.", "Rs 28", "28 MUR"),
    ("À Karachi, l'usine a coûté Rs. 250 millions au groupe pakistanais.", "Rs. 250 millions",
     "250000000 PKR"),
    ("New Delhi a débloqué Rs 40 milliards pour les routes de l'Inde.", "Rs 40 milliards",
     "40000000000 INR"),
    ("Le Pakistan importe pour 12 milliards de roupies de thé.", "12 milliards de roupies",
     "12000000000 PKR"),
    # the Malagasy ariary written `Ar` after the amount
    ("Le riz se vend à 3 200 Ar le kilo à Madagascar.", "3 200 Ar", "3200 MGA"),
    # Djiboutian and Congolese francs, by name or ISO code
    ("Le port a versé 800 millions de francs Djibouti à l'État.",
     "800 millions de francs Djibouti", "800000000 DJF"),
    ("À Djibouti, la taxe rapporte 90 millions de francs par an.", "90 millions de francs",
     "90000000 DJF"),
    ("Kinshasa prévoit 5 300 milliards de CDF de dépenses.", "5 300 milliards de CDF",
     "5300000000000 CDF"),
])
def test_money(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("MONEY", span, norm))


def test_money_elided_currency(fr_nlp):
    text = ("Les exportations ont atteint 81 milliards de dirhams, contre 72,5 milliards "
            "l'année précédente.")
    check(fr_nlp, text, ("MONEY", "81 milliards de dirhams", "81000000000 MAD"),
          ("MONEY", "72,5 milliards", "72500000000 MAD"))


def test_bare_count_after_contre_counts_the_same_thing(fr_nlp):
    # the noun stands with the figure it is set against (ENTITIES.md)
    check(fr_nlp, "Le port a reçu 4 350 conteneurs en mai, contre 3 900 un an plus tôt.",
          ("QUANTITY", "4 350 conteneurs", "4350 conteneur"), ("QUANTITY", "3 900", "3900 conteneur"))
    check(fr_nlp, "Le billet coûte 1 500 dirhams, contre 1 200 en 2023.",
          ("MONEY", "1 500 dirhams", "1500 MAD"), ("MONEY", "1 200", "1200 MAD"))


@pytest.mark.parametrize("text, span, norm", [
    # a part of a count just given, after `dont`
    ("Le nouveau gouvernement compte 31 membres, dont huit sont des femmes.", "huit", "8 membre"),
    ("La flotte compte 40 navires, dont 12 battent pavillon national.", "12", "12 navire"),
    # out of a total, before or after the noun
    ("Le gouvernement a retenu sept sur un total de 85 propositions.", "sept", "7 proposition"),
    ("Le texte a été adopté par 48 élus sur un total de 60.", "60", "60 élu"),
    # a bare count after `de` in the sentence of `nombre de NOUN`
    ("Le projet représente un nombre total d'emplois de 4 120 à terme.", "4 120", "4120 emploi"),
    ("Le nombre de demandeurs d'emploi aurait reculé de 41 000 en un an.", "41 000", "41000 demandeur"),
])
def test_a_count_whose_noun_stands_next_to_it(fr_nlp, text, span, norm):
    # ENTITIES.md: the noun of what is counted may stand elsewhere
    check(fr_nlp, text, ("QUANTITY", span, norm))


@pytest.mark.parametrize("text, span", [
    ("Il y a deux options, dont une seule est viable.", "une"),
    ("Le nombre de touristes a atteint son record en 2019.", "2019"),
])
def test_no_count_without_a_noun_to_count(fr_nlp, text, span):
    assert span not in [t for _, t, _ in figs(fr_nlp, text)]


def test_exchange_rate_unit_is_an_amount_of_one(fr_nlp):
    check(fr_nlp, "Le naira s'échangeait à 1 520 nairas pour un dollar et 1 790 nairas pour un euro.",
          ("MONEY", "un dollar", "1 USD"), ("MONEY", "un euro", "1 EUR"))
    # `une semaine` after an amount is no currency
    assert not [g for g in figs(fr_nlp, "Il a payé 20 euros pour une semaine.") if g[1].startswith("une")]


def test_text_cut_inside_the_scale_word(fr_nlp):
    # a feed cut mid-word: the scale begun is the one of the amount set against it
    check(fr_nlp, "Les dépenses atteignent 912,4 milliards de FCFA contre 870,1 mi",
          ("MONEY", "870,1 mi", "870100000000 XOF"))


def test_plural_noun_tagged_as_adverb_is_counted(fr_nlp):
    # the tagger reads `emprunts` as an adverb here; the parse still hangs `6` on it
    check(fr_nlp, "La société a signé cette année 6 emprunts auprès des banques.",
          ("QUANTITY", "6 emprunts", "6 emprunt"))


def test_money_sign_plus_in(fr_nlp):
    # the gold keeps a sign in the span, "+" as "-" ("+5,99 MMDH", "+19,5%")
    check(fr_nlp, "Les transferts progressent (+4,2 MMDH) sur un an.",
          ("MONEY", "+4,2 MMDH", "4200000000 MAD"))


def test_money_tunisian_dinar_from_context(fr_nlp):
    text = "En Tunisie, le déficit atteint 9 milliards de dinars, selon le ministère tunisien."
    check(fr_nlp, text, ("MONEY", "9 milliards de dinars", "9000000000 TND"))


# ------------------------------------------------------------------ PERCENT

@pytest.mark.parametrize("text, span, norm", [
    ("Les ventes ont bondi de 148% en un an.", "148%", "148"),
    ("Le taux de remplissage atteint 64 % cet été.", "64 %", "64"),
    ("La croissance serait de 3,5 pour cent en 2025.", "3,5 pour cent", "3.5"),
    ("Les importations ont reculé de -9,6% sur la période.", "-9,6%", "-9.6"),
    ("Le chômage est passé à 12,8\u00a0% selon le HCP.", "12,8\u00a0%", "12.8"),
    # the loose `pourcentage` written straight after a figure
    ("Le taux de réussite a atteint 85 pourcentage cette année.", "85 pourcentage", "85"),
    ("Le taux a baissé de quinze pourcentage en deux ans.", "quinze pourcentage", "15"),
])
def test_percent(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("PERCENT", span, norm))


# ------------------------------------------------------------------ QUANTITY

@pytest.mark.parametrize("text, span, norm", [
    ("La société a présenté trois véhicules électriques.", "trois véhicules", "3 véhicule"),
    # a count whose complement names the group counted is not anaphoric
    ("La banque vise les quinze pays de la Cedeao d'ici 2030.", "quinze pays", "15 pays"),
    ("Le fonds couvre les six États du Sahel.", "six États", "6 état"),
    ("Le plan profite à l'ensemble des douze (12) pays membres de la Communauté andine.",
     "douze (12) pays", "12 pays"),
    # container traffic in twenty-foot equivalent units
    ("Le terminal a traité 640 000 EVP l'an passé.", "640 000 EVP", "640000 équivalent vingt pieds"),
    ("Le port vise 2,5 millions d'EVP en 2030.", "2,5 millions d'EVP",
     "2500000 équivalent vingt pieds"),
    ("Plus d'une cinquantaine de pays étaient représentés.", "une cinquantaine de pays",
     "50 pays"),
    ("La production atteindra 16,1 millions de tonnes par an.", "16,1 millions de tonnes",
     "16100000 tonne"),
    ("L'usine aura une capacité de 3 millions de t/an.", "3 millions de t", "3000000 tonne"),
    ("Des contrats portent sur 4 MT d'engrais.", "4 MT", "4000000 tonne"),
    ("Au total, 30.510 têtes de bétail ont été distribuées.", "30.510 têtes de bétail",
     "30510 tête de bétail"),
    ("La flotte doublera au cours des 15 prochaines années.", "15 prochaines années",
     "15 année"),
    ("L'excédent a été réalisé au titre des sept premiers mois de l'année.",
     "sept premiers mois", "7 mois"),
    ("Le chantier emploie 1\u00a0250 ouvriers.", "1\u00a0250 ouvriers", "1250 ouvrier"),
    ("La route s'étend sur 64 km dans la montagne.", "64 km", "64 kilomètre"),
    ("Le salon durera deux journées.", "deux journées", "2 journée"),
    ("Le taux a gagné 1,8 point en un an.", "1,8 point", "1.8 point"),
    ("Le port a accueilli 2,3 millions de passagers.", "2,3 millions de passagers",
     "2300000 passager"),
    ("La récolte devrait atteindre 45 millions de quintaux.", "45 millions de quintaux",
     "45000000 quintal"),
    ("Vingt et un accords ont été signés.", "Vingt et un accords", "21 accord"),
    ("Une vingtaine de journaux ont couvert l'événement.", "Une vingtaine de journaux",
     "20 journal"),
    # adjectives before the noun counted are in the span, out of the unit
    ("La banque a accordé deux importants crédits à la région.", "deux importants crédits",
     "2 crédit"),
    ("Trois différentes agences régionales ont été créées.", "Trois différentes agences",
     "3 agence"),
    # lexicalized compounds are one unit
    ("Le forum a réuni 250 hommes d'affaires.", "250 hommes d'affaires", "250 homme d'affaires"),
    ("Les ministres ont signé quatre protocoles d’accord.", "quatre protocoles d’accord",
     "4 protocole d'accord"),
    # durations in two parts, and French minutes
    ("Le chantier a pris une année et demie de retard.", "une année et demie", "1.5 année"),
    ("Le vol dure désormais 2 heures 40 minutes.", "2 heures 40 minutes", "160 minute"),
    ("La réunion a duré 45 minutes.", "45 minutes", "45 minute"),
    # a number repeated in digits, as legal and West African texts write it
    ("Cinq (5) pays ont ratifié le traité.", "Cinq (5) pays", "5 pays"),
])
def test_quantity(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("QUANTITY", span, norm))


def test_quantity_elided_unit(fr_nlp):
    text = ("Le pays a accueilli 14 millions de touristes, contre 13,2 millions l'an passé.")
    check(fr_nlp, text, ("QUANTITY", "14 millions de touristes", "14000000 touriste"),
          ("QUANTITY", "13,2 millions", "13200000 touriste"))


def test_quantity_range_and_partitive(fr_nlp):
    check(fr_nlp, "La récolte variera de 40 à 45 millions de quintaux.",
          ("QUANTITY", "40", "40000000 quintal"))
    check(fr_nlp, "La région a retenu 25 projets. L'Etat en financera 8 des 25 projets retenus.",
          ("QUANTITY", "8", "8 projet"))
    check(fr_nlp, "Au total, 90 écoles ont rouvert, et 12 autres sont en travaux.",
          ("QUANTITY", "12 autres", "12 école"))


@pytest.mark.parametrize("text", [
    "Le Maroc accueille la 8è édition du salon.",
    "Le 2e Congrès s'est tenu à Rabat.",
    "La deuxième édition a eu lieu hier.",
    "Il a été élu en 2019 à la tête du parti.",
    "La réunion s'est tenue le 28 août à Rabat.",
    "La séance a commencé à 15h30 au siège.",
    "Les deux pays ont signé un accord.",
    "Les responsables des deux parties se sont réunis.",
    "Ces quatre pays ont rejoint l'initiative.",
    "Les deux parties de la négociation se sont quittées hier.",   # a common noun after `de`
    "Nos deux pays partagent une longue histoire.",   # like `les deux pays` (ENTITIES.md)
    "La séance reprendra à 10 heures 30 minutes.",
    "Un accord a été signé hier.",
    "La COP22 s'est tenue à Marrakech.",
    "Le Boeing 787 est arrivé à Casablanca.",
    "Le texte a été publié le 12/03/2024 au Bulletin officiel.",
])
def test_not_quantity(fr_nlp, text):
    assert [f for f in figs(fr_nlp, text) if f[0] == "QUANTITY"] == []


def test_money_and_percent_not_quantity(fr_nlp):
    got = figs(fr_nlp, "Le chiffre d'affaires a atteint 3 milliards de dirhams, en hausse de 12%.")
    assert [g[0] for g in got] == ["MONEY", "PERCENT"]


def test_mention_fields(fr_nlp):
    doc = fr_nlp("Le groupe a investi 600 millions d'euros et recruté 1.200 salariés.")
    money, qty = find_figures(doc)
    assert (money.amount, money.currency) == (600000000, "EUR")
    assert doc.text[money.start:money.end] == money.text
    assert (qty.value, qty.unit, qty.norm) == (1200, "salarié", "1200 salarié")


def test_elided_count_after_nombre_de(fr_nlp):
    text = "Le nombre de visiteurs est passé de 2 à 3,5 millions en cinq ans."
    check(fr_nlp, text, ("QUANTITY", "3,5 millions", "3500000 visiteur"),
          ("QUANTITY", "2", "2000000 visiteur"), ("QUANTITY", "cinq ans", "5 an"))


def test_units_and_prefix_currency(fr_nlp):
    check(fr_nlp, "La centrale produira 5 000 MW, pour USD 5 millions, sous 38°C.",
          ("QUANTITY", "5 000 MW", "5000 mégawatt"), ("MONEY", "USD 5 millions", "5000000 USD"),
          ("QUANTITY", "38°C", "38 degré Celsius"))


def test_english_boilerplate_not_counted(fr_nlp):
    assert figs(fr_nlp, "Posted by - admin - 3 hours ago - 0 Comments") == []


# ------------------------------------------------------------------ forms of other parsers' suites

@pytest.mark.parametrize("text, expected", [
    # money written in words, with scale words, after a sign or code, with cents
    ("dix dollars", ("MONEY", 10, "USD")),
    ("vingt euros", ("MONEY", 20, "EUR")),
    ("trois cents dirhams", ("MONEY", 300, "MAD")),
    ("361 millions de livres", ("MONEY", 361e6, "GBP")),
    ("45 milliards de livres égyptiennes", ("MONEY", 45e9, "EGP")),
    ("20 millions de livres libanaises", ("MONEY", 20e6, "LBP")),
    ("16,4 millions de $ CAD", ("MONEY", 16.4e6, "CAD")),
    ("3 millions de $ canadiens", ("MONEY", 3e6, "CAD")),
    ("2,5 millions de $ US", ("MONEY", 2.5e6, "USD")),
    ("USD1,23", ("MONEY", 1.23, "USD")),
    ("EUR29,99", ("MONEY", 29.99, "EUR")),
    ("CHF 12,40", ("MONEY", 12.4, "CHF")),
    ("MAD250", ("MONEY", 250, "MAD")),
    ("10K$", ("MONEY", 10000, "USD")),
    ("25k€", ("MONEY", 25000, "EUR")),
    ("$10k", ("MONEY", 10000, "USD")),
    ("€5M", ("MONEY", 5e6, "EUR")),
    ("£9", ("MONEY", 9, "GBP")),
    ("15 dollars 50", ("MONEY", 15.5, "USD")),
    ("3 livres 75", ("MONEY", 3.75, "GBP")),
    ("1 USD et 23 centimes", ("MONEY", 1.23, "USD")),
    ("2 euros et 40 centimes", ("MONEY", 2.4, "EUR")),
    ("1 USD 23 cents", ("MONEY", 1.23, "USD")),
    # cents in words, bare or named
    ("trois euros et dix centimes", ("MONEY", 3.1, "EUR")),
    ("quatre dollars et quinze cents", ("MONEY", 4.15, "USD")),
    ("six euros quarante", ("MONEY", 6.4, "EUR")),
    ("huit roubles vingt", ("MONEY", 8.2, "RUB")),
    # the sign's country after it, lower case too
    ("2,7 millions de $ c", ("MONEY", 2.7e6, "CAD")),
    ("4,1 milliards de $ hk", ("MONEY", 4.1e9, "HKD")),
    ("90 millions de $ usd", ("MONEY", 9e7, "USD")),
    ("5,20 $ c", ("MONEY", 5.2, "CAD")),
    # a hyphen before the scale word (1990 spelling)
    ("trois-millions d'euros", ("MONEY", 3e6, "EUR")),
    ("deux-milliards de dollars", ("MONEY", 2e9, "USD")),
    # more currencies; an accent left out
    ("300 couronnes danoises", ("MONEY", 300, "DKK")),
    ("45 couronnes norvegiennes", ("MONEY", 45, "NOK")),
    ("1200 SEK", ("MONEY", 1200, "SEK")),
    ("5 000 wons", ("MONEY", 5000, "KRW")),
    ("12 000 ₩", ("MONEY", 12000, "KRW")),
    ("vingt shekels", ("MONEY", 20, "ILS")),
    ("cinquante pounds", ("MONEY", 50, "GBP")),
    ("3 milliards de livres egyptiennes", ("MONEY", 3e9, "EGP")),
    # percentages in every spelling
    ("vingt pour cent", ("PERCENT", 20, None)),
    ("vingt pourcents", ("PERCENT", 20, None)),
    ("dix pour-cent", ("PERCENT", 10, None)),
    ("cent pourcent", ("PERCENT", 100, None)),
    ("quarante-cinq pourcent", ("PERCENT", 45, None)),
    ("un pour cent", ("PERCENT", 1, None)),
    ("3,5 pour-cent", ("PERCENT", 3.5, None)),
    ("9,2 pc", ("PERCENT", 9.2, None)),
    ("+4,5%", ("PERCENT", 4.5, None)),
    # not one figure of money or percent
    ("neuf livres", None),          # books as often as pounds, without a pound cue
    ("les deux pays", None),
    ("20 euros 30 jours", None),
    ("10 $ c'est", None),           # an elision after the sign: not Canadian
])
def test_read_amount(text, expected):
    from pipeline.extraction.figures import read_amount
    got = read_amount(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None and (got[0], got[2]) == (expected[0], expected[2])
        assert got[1] == pytest.approx(expected[1])


@pytest.mark.parametrize("text, label, span, norm", [
    ("Au Liban, le budget atteint 500 milliards de livres.", "MONEY",
     "500 milliards de livres", "500000000000 LBP"),
    ("Le club londonien a payé le joueur 40 livres sterling de plus.", "MONEY",
     "40 livres sterling", "40 GBP"),
    ("Le prix du litre passe à 1 euro 85 à la pompe.", "MONEY", "1 euro 85", "1.85 EUR"),
    ("La société a levé USD 4,75 millions auprès de fonds.", "MONEY", "USD 4,75 millions",
     "4750000 USD"),
    ("Les dépôts (206 milliards de MAD /18 milliards d'euros) progressent.", "MONEY",
     "18 milliards d'euros", "18000000000 EUR"),
    ("Le chômage recule à 9,2 pc selon le HCP.", "PERCENT", "9,2 pc", "9.2"),
    ("Les ventes progressent (+ 26%) sur un an.", "PERCENT", "+ 26%", "26"),
    ("Le résultat atteint 5,99 MMDH (+1,2 MMDH) sur l'année.", "MONEY", "+1,2 MMDH",
     "1200000000 MAD"),
])
def test_suite_forms_in_sentences(fr_nlp, text, label, span, norm):
    check(fr_nlp, text, (label, span, norm))


@pytest.mark.parametrize("text, span, norm", [
    ("Le ticket coûte 10 $ c'est trop pour eux.", "10 $", "10 USD"),
    ("Il a reçu deux euros et vingt centimes de monnaie.", "deux euros et vingt centimes",
     "2.2 EUR"),
    ("Séoul a versé quatre-vingt mille wons à chaque famille.", "quatre-vingt mille wons",
     "80000 KRW"),
    ("Le plan prévoit deux-millions de dollars pour les écoles.", "deux-millions de dollars",
     "2000000 USD"),
])
def test_money_in_suite_forms(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("MONEY", span, norm))


def test_books_are_not_money(fr_nlp):
    got = figs(fr_nlp, "La bibliothèque a reçu 3000 livres et 200 revues.")
    assert not [g for g in got if g[0] == "MONEY"], got


# ------------------------------------------------------------------ ENTITIES.md hard cases

@pytest.mark.parametrize("text, expected", [
    # a rate's `par jour` or `/an` is out of the span and the unit
    ("La raffinerie traite 120 000 barils par jour.", [("QUANTITY", "120 000 barils", "120000 baril")]),
    ("L'usine produira 3 millions de t/an dès 2026.",
     [("QUANTITY", "3 millions de t", "3000000 tonne")]),
    ("Le parc fournit 40 kWh/an par foyer.", [("QUANTITY", "40 kWh", "40 kilowattheure")]),
    # units written as symbols take their full noun
    ("Le domaine couvre 1.500 ha de vergers.", [("QUANTITY", "1.500 ha", "1500 hectare")]),
    ("Les réserves sont de 2,5 Tcf.", [("QUANTITY", "2,5 Tcf", "2500000000000 pied cube")]),
    # ratings are not counts
    ("Le groupe ouvrira deux hôtels 5 étoiles à Agadir.", [("QUANTITY", "deux hôtels", "2 hôtel")]),
    # the N first months are a QUANTITY
    ("Les neuf premiers mois de l'exercice ont été bons.",
     [("QUANTITY", "neuf premiers mois", "9 mois")]),
    # clock times are not figures
    ("La réunion a commencé à 11h00 précises.", []),
    # hyphenated nouns, and an adjective standing as the noun
    ("Le conseil a élu 9 vice-présidents.", [("QUANTITY", "9 vice-présidents", "9 vice-président")]),
    ("Au total, 10.000 jeunes seront recrutés.", [("QUANTITY", "10.000 jeunes", "10000 jeune")]),
    # a line break of hard-wrapped text between a figure and its scale word
    ("Les recettes ont atteint 9,8\nmilliards de dirhams.",
     [("MONEY", "9,8\nmilliards de dirhams", "9800000000 MAD")]),
    ("Il en compte 12\nM. Alami le confirme.", []),
])
def test_hard_cases(fr_nlp, text, expected):
    assert figs(fr_nlp, text) == expected


@pytest.mark.parametrize("text, spans, norm", [
    # the first end of a range takes the currency of the second
    ("Le litre de lait se vend entre 2 500 et 3 000 Ar au marché.", ("2 500", "3 000 Ar"), "MGA"),
    # an amount in taxes or dividends, after amounts in francs CFA, is money in that currency
    ("Au Gabon, la mine a exporté pour 300 milliards de FCFA et versé 41 milliards "
     "d'impôts et de redevances.", ("41 milliards",), "XAF"),
])
def test_money_in_the_articles_currency(fr_nlp, text, spans, norm):
    got = {m.text: m for m in find_figures(fr_nlp(text)) if m.label == "MONEY"}
    for span in spans:
        assert span in got and got[span].currency == norm, got


def test_points_de_pourcentage_is_not_a_percent(fr_nlp):
    got = figs(fr_nlp, "Le taux directeur a baissé de 2 points de pourcentage en un an.")
    assert not [g for g in got if g[0] == "PERCENT"], got


@pytest.mark.parametrize("text, span, norm", [
    # `dont` picks a part of the count before it, a few words of the clause between them
    ("La région compte 48 écoles rénovées cette année, dont onze dans la capitale.",
     "onze", "11 école"),
    ("Quelque 120 entreprises y sont installées, dont 35 à capitaux marocains.",
     "35", "35 entreprise"),
])
def test_part_picked_by_dont_after_a_few_words(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("QUANTITY", span, norm))


def test_part_of_a_converted_amount_is_in_the_first_currency(fr_nlp):
    text = ("Le chantier coûtera 650 milliards de FCFA à Dakar, soit environ 1 milliard de dollars, "
            "dont 200 milliards pour le premier lot.")
    got = {m.text: m.currency for m in find_figures(fr_nlp(text)) if m.label == "MONEY"}
    assert got.get("200 milliards") == "XOF", got


@pytest.mark.parametrize("text, span, norm", [
    # `au nombre de N` counts the plural noun just before it
    ("La société opère dans les provinces du Nord, au nombre de 12, depuis 2019.", "12", "12 province"),
    # a total after a few words of the clause counts the same thing
    ("Au vote, 41 élus du conseil régional sur un total de 45 ont approuvé le budget.",
     "45", "45 élu"),
])
def test_count_named_before_it(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("QUANTITY", span, norm))


@pytest.mark.parametrize("text, span, norm", [
    # a spelled-out first end of a range takes the noun of the second
    ("Les bus relient de trois à quatre villes par jour.", "trois", "3 ville"),
    ("Le chantier emploiera entre deux et trois millions de travailleurs.", "deux",
     "2000000 travailleur"),
])
def test_spelled_out_first_end_of_a_range(fr_nlp, text, span, norm):
    check(fr_nlp, text, ("QUANTITY", span, norm))
