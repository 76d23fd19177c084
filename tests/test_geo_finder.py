"""COUNTRY and LOC mentions on hand-written sentences."""
import pytest

from pipeline.extraction.geo_finder import find_places


@pytest.fixture
def found(fr_nlp):
    def run(text):
        return [(m.text, m.label, m.norm) for m in find_places(fr_nlp(text))]
    return run


def test_cote_divoire_both_apostrophes(found):
    out = found("La Côte d’Ivoire et la Côte d'Ivoire sont un même pays, la Cote d'Ivoire aussi.")
    assert [o[2] for o in out] == ["CIV", "CIV", "CIV"]
    assert out[0][0] == "Côte d’Ivoire"


def test_royaume(found):
    text = ("Le Royaume a signé un accord avec le Royaume-Uni et le Royaume d'Espagne, "
            "selon le ministre marocain. Le royaume voisin n'a pas réagi.")
    out = found(text)
    assert ("Royaume", "COUNTRY", "MAR") in out
    assert ("Royaume-Uni", "COUNTRY", "GBR") in out
    assert ("Royaume d'Espagne", "COUNTRY", "ESP") in out
    assert not any(o[0] == "royaume" for o in out)


def test_royaume_needs_morocco_context(found):
    assert found("Le Royaume a voté la loi, a indiqué Bruxelles.") == [("Bruxelles", "LOC", "Bruxelles")]


def test_royaume_du_maroc_one_span(found):
    assert found("Le Royaume du Maroc accueille la conférence.") == [("Royaume du Maroc", "COUNTRY", "MAR")]


def test_rdc_and_united_states(found):
    out = found("La RDC exporte vers les États-Unis et les Etats-Unis importent du Congo.")
    assert out == [("RDC", "COUNTRY", "COD"), ("États-Unis", "COUNTRY", "USA"),
                   ("Etats-Unis", "COUNTRY", "USA"), ("Congo", "COUNTRY", "COG")]


def test_demonyms_never_country(found):
    out = found("Les Marocains et les investisseurs américains saluent le partenariat sénégalais.")
    assert out == []


def test_continents_and_city_are_loc(found):
    out = found("Réunis à Marrakech, les ministres d’Afrique de l’Ouest, d'Asie et d'Europe "
                "ont parlé du Moyen-Orient.")
    assert ("Marrakech", "LOC", "Marrakech") in out
    assert ("Afrique de l’Ouest", "LOC", "Afrique de l'Ouest") in out
    assert ("Asie", "LOC", "Asie") in out
    assert ("Europe", "LOC", "Europe") in out
    assert ("Moyen-Orient", "LOC", "Moyen-Orient") in out
    assert all(o[1] == "LOC" for o in out)


def test_sud_sud_and_glued_names(found):
    out = found("La coopération Sud-Sud progresse dans la région Béni Mellal-Khénifra.")
    assert out == [("Béni Mellal-Khénifra", "LOC", "Béni Mellal-Khénifra")]


def test_place_in_person_name(found):
    out = found("Maurice Papon n'a jamais visité l'île Maurice.")
    assert out == [("Maurice", "COUNTRY", "MUS")]


def test_official_state_names(found):
    out = found("La République islamique de Mauritanie et la République de Corée ont signé.")
    assert out == [("République islamique de Mauritanie", "COUNTRY", "MRT"),
                   ("République de Corée", "COUNTRY", "KOR")]


def test_towns_from_geonames_where_the_text_places_something(found):
    out = found("Le convoi est parti de Tamallalt vers Ouarzazate, puis a rejoint la préfecture "
                "de Kindia en Guinée et la ville de Tobrouk.")
    locs = [o[0] for o in out if o[1] == "LOC"]
    assert {"Tamallalt", "Kindia", "Tobrouk"} <= set(locs)
    # `dans le`/`dans la` places a region too
    assert ("Haut-Lomami", "LOC", "Haut-Lomami") in found("Les pluies tombent dans le Haut-Lomami depuis mars.")


def test_a_facility_noun_places_a_geonames_name(found):
    # the stadium or station named by a town GeoNames knows (facility + place: the name only)
    assert ("Adrar", "LOC", "Adrar") in found("La finale se joue au stade Adrar samedi.")
    assert ("Séguéla", "LOC", "Séguéla") in found("Les trains partent de la gare Séguéla.")


def test_a_geonames_name_after_words_said_of_a_company_is_no_place(found):
    # `de` places a GeoNames town, except after words said of companies (company_context.tsv)
    assert ("Boké", "LOC", "Boké") in found("Les camions partent de Boké chaque jour.")
    assert not any(t == "Boké" for t, _, _ in found("La directrice générale de Boké a démissionné."))


def test_geonames_names_that_are_also_people_are_not_places_without_a_locative(found):
    out = found("Le directeur Aziz a reçu Léon et Paul, puis Olivier de Souza a pris la parole.")
    assert not [o for o in out if o[1] == "LOC"]


def test_iso_subdivisions_in_french(found):
    out = found("Les pluies ont touché la région de Hauts-Bassins et la province de Figuig.")
    locs = [o[0] for o in out if o[1] == "LOC"]
    assert "Hauts-Bassins" in locs and "Figuig" in locs


def test_a_town_and_a_sea_side_by_side_name_one_site(found):
    assert found("Les ports Agadir Atlantique et Nador Méditerranée seront agrandis.") == [
        ("Agadir Atlantique", "LOC", "Agadir Atlantique"), ("Nador Méditerranée", "LOC", "Nador Méditerranée")]
    assert found("Le navire a quitté Agadir. Atlantique et Méditerranée sont calmes.") == [
        ("Agadir", "LOC", "Agadir"), ("Atlantique", "LOC", "Atlantique"), ("Méditerranée", "LOC", "Méditerranée")]


def test_a_capital_named_like_its_state_beside_a_city_is_the_city(found):
    # rule: geo_finder._capital_beside_city; two states joined stay states
    out = found("Le train Djibouti-Addis-Abeba et le gazoduc Nigeria-Maroc, puis la route Djibouti-Éthiopie.")
    assert ("Djibouti", "LOC", "Djibouti") in out and ("Addis-Abeba", "LOC", "Addis-Abeba") in out
    assert ("Nigeria", "COUNTRY", "NGA") in out and ("Maroc", "COUNTRY", "MAR") in out
    assert ("Djibouti", "COUNTRY", "DJI") in out


def test_grand_before_a_city_names_its_metropolitan_area(found):
    # rule: geo_finder._grand_start, one LOC for `Grand` + place; a state keeps its own name
    out = found("Les usines du Grand Tunis et de la Grande-Bretagne tournent, à Grand-Bassam aussi.")
    assert ("Grand Tunis", "LOC", "Grand Tunis") in out
    assert ("Grande-Bretagne", "COUNTRY", "GBR") in out


def _chosen(text, spans):
    from pipeline.extraction.mention import Mention
    return [Mention(text.index(s), text.index(s) + len(s), lab, text=s, norm=s) for s, lab in spans]


@pytest.mark.parametrize("text, spans, places", [
    # the capitalized complement of a division is a place, a word that heads org names too
    ("Les pluies ont touché la région du Centre et le département de la Haute-Mbali.", [],
     ["Centre", "Haute-Mbali"]),
    ("Les habitants du village de Keur Sambou ont protesté.", [], ["Keur Sambou"]),
    # facility + place: the site gives only the place (ENTITIES.md)
    ("La mine d'or de Tingaro et le site de Bolomba sont exploités.", [], ["Tingaro", "Bolomba"]),
    ("Le navire est ancré au large de Kassoumbé depuis mars.", [], ["Kassoumbé"]),
    # a palace, a border post, a park, a port with its qualifiers: only the place's name
    ("Le chef de l'Etat a reçu la délégation au palais de Tambali.", [], ["Tambali"]),
    ("Le poste frontalier de Kolyaba et le port en eaux profondes de Sobéra rouvrent.", [],
     ["Kolyaba", "Sobéra"]),
    ("La pêche reste interdite dans le parc national du Cap d'Ibérou.", [], ["Cap d'Ibérou"]),
    # the model's reading of the whole site is cut to the name
    ("La pêche reste interdite dans le Parc national du Cap d'Ibérou.",
     [("Parc national du Cap d'Ibérou", "LOC")], ["Cap d'Ibérou"]),
    # a site named by common words is named whole; a name that reads on into a number is left
    ("Le sommet se tient au Palais de la République.", [("Palais de la République", "LOC")],
     ["Palais de la République"]),
    ("La finale a lieu au palais des sports de Kossa 2000.", [], []),
    # `d'X` after a known place is no part of its name
    ("Le site de Dakar d'Orange Sénégal ferme.", [], ["Dakar"]),
    # a ministry's department, common words after a site, or a span already read: no place
    ("Il dirige le département de la Culture du ministère.", [], []),
    ("Le site de Production a fermé.", [], []),
    ("Le site de la Banque Zeta publie les chiffres.", [("Banque Zeta", "ORG")], []),
    # a bare `de` takes a proper name, even one that spells a French word
    ("Le brut arrive au terminal de Sème, sur la côte.", [("terminal de Sème", "LOC")], ["Sème"]),
    # an oil block, a permit's perimeter
    ("La production du bloc d'Amdoum et du périmètre de Hassi Tarfa a doublé.", [],
     ["Amdoum", "Hassi Tarfa"]),
])
def test_places_after_place_nouns(text, spans, places):
    from pipeline.extraction.named_sites import places_after_nouns
    got = places_after_nouns(text, _chosen(text, spans))
    assert [m.text for m in got if m.label == "LOC"] == places


@pytest.mark.parametrize("text, spans, expected", [
    # road codes are LOC (ENTITIES.md: roads), also where an acronym reading made them ORG
    ("Le pont de la RN7 et la RNIE 2 ont été rouverts.", [("RN7", "ORG"), ("RNIE", "ORG")],
     [("RN7", "LOC"), ("RNIE 2", "LOC")]),
    ("L'autoroute A4 et la route nationale N12 seront élargies.", [], [("A4", "LOC"), ("N12", "LOC")]),
    # a letter code elsewhere is no road (`note A1`, `le modèle N12`)
    ("La banque garde la note A1 et lance le modèle N12.", [], []),
])
def test_road_codes_are_places(text, spans, expected):
    from pipeline.extraction.named_sites import roads
    assert [(m.text, m.label) for m in roads(text, _chosen(text, spans))] == expected


def test_a_division_s_complement_is_no_organization(analyse):
    doc = analyse("Les routes de la région du Centre ont été refaites par l'entreprise.")
    assert [(m.text, m.label) for m in doc._.mentions] == [("Centre", "LOC")]


@pytest.mark.parametrize("text, name", [
    ("Le terminal est installé près de N’Gabou, à la frontière.", "N’Gabou"),
    ("Le port de N'Kolo est fermé depuis lundi.", "N'Kolo"),
])
def test_a_name_opening_with_n_apostrophe_keeps_it(analyse, text, name):
    # resolver._glue_elided_n (the label is the model's or the gazetteer's)
    found = [m.text for m in analyse(text)._.mentions]
    assert name in found and name[2:] not in found


def _sourced(text, spans):
    ms = _chosen(text, [(s, lab) for s, lab, _ in spans])
    for m, (_, _, src) in zip(ms, spans):
        m.source = src
    return ms


@pytest.mark.parametrize("text, spans, expected", [
    # one known place in a list: the model's ORG guesses and the bare names are places too
    ("Les crues ont frappé Tingaro, Bolomba et Dakar.",
     [("Tingaro", "ORG", "model_org"), ("Dakar", "LOC", "geo_gazetteer")],
     [("Tingaro", "LOC"), ("Bolomba", "LOC"), ("Dakar", "LOC")]),
    # a list with no place, or a rule's organization, stays as it is
    ("Les opérateurs Zentel, Kalinet et Moviko ont signé.",
     [("Zentel", "ORG", "model_org"), ("Kalinet", "ORG", "org_list"), ("Moviko", "ORG", "org_list")],
     [("Zentel", "ORG"), ("Kalinet", "ORG"), ("Moviko", "ORG")]),
    ("La BAD et Dakar ont signé.", [("BAD", "ORG", "org_acronym"), ("Dakar", "LOC", "geo_gazetteer")],
     [("BAD", "ORG"), ("Dakar", "LOC")]),
    # a town GeoNames knows, read by the model as a person, in a list of places
    ("Les récoltes de Korhogo, Odienné et Séguéla ont augmenté.",
     [("Korhogo", "LOC", "geo_gazetteer"), ("Odienné", "LOC", "model"), ("Séguéla", "PERSON", "model")],
     [("Korhogo", "LOC"), ("Odienné", "LOC"), ("Séguéla", "LOC")]),
    # a town of two words GeoNames knows, read by the model as a person, in a list of places
    ("Les aides iront aux gouvernorats de Kasserine, Sidi Bouzid et Gafsa.",
     [("Kasserine", "LOC", "geo_gazetteer"), ("Sidi Bouzid", "PERSON", "model"), ("Gafsa", "LOC", "model")],
     [("Kasserine", "LOC"), ("Sidi Bouzid", "LOC"), ("Gafsa", "LOC")]),
    # a person the model found by two names is no town
    ("Les contrats de Dakar et Moussa Séguéla ont été signés.",
     [("Dakar", "LOC", "geo_gazetteer"), ("Moussa Séguéla", "PERSON", "model")],
     [("Dakar", "LOC"), ("Moussa Séguéla", "PERSON")]),
])
def test_a_list_with_a_place_is_a_list_of_places(text, spans, expected):
    from pipeline.extraction.named_sites import coordinated_places
    got = coordinated_places(text, _sourced(text, spans))
    assert [(m.text, m.label) for m in got] == expected


def test_a_place_noun_overrides_the_model_s_organization():
    from pipeline.extraction.named_sites import places_after_nouns
    text = "Les pluies ont touché la ville de Tingaro lundi."
    got = places_after_nouns(text, _sourced(text, [("Tingaro", "ORG", "model_org")]))
    assert [(m.text, m.label) for m in got] == [("Tingaro", "LOC")]


def test_a_mayor_s_town_read_as_a_person_is_a_place():
    # in the resolver's order: the place noun's complement, then the list it opens
    from pipeline.extraction.named_sites import coordinated_places, places_after_nouns
    text = "Il a rencontré les maires de Birni Zango et de Kalla."
    got = coordinated_places(text, places_after_nouns(
        text, _sourced(text, [("Birni Zango", "PERSON", "model")])))
    assert [(m.text, m.label) for m in got] == [("Birni Zango", "LOC"), ("Kalla", "LOC")]


@pytest.mark.parametrize("text, span, norm", [
    ("La délégation est arrivée au Caire lundi.", "Caire", "Le Caire"),
    ("LE CAIRE, 3 mars (MENA) — Le canal a rouvert.", "CAIRE", "Le Caire"),
    ("Il vit à Dakar.", "Dakar", "Dakar"),
])
def test_a_place_whose_name_holds_its_article_is_valued_with_it(analyse, text, span, norm):
    found = [(m.text, m.norm) for m in analyse(text)._.mentions if m.label == "LOC"]
    assert (span, norm) in found
    assert not any(m.text in ("LE", "Le") for m in analyse(text)._.mentions)


@pytest.mark.parametrize("text, spans, expected", [
    # a known place after a locative, guessed as a company or a person by the model
    ("L'usine est construite au sud de Suez, près du canal.", [("Suez", "ORG", "model_org")],
     [("Suez", "LOC")]),
    ("La campagne sera lancée à Séguéla en mars.", [("Séguéla", "PERSON", "model")], [("Séguéla", "LOC")]),
    # without a locative, or a rule's organization, the reading stays
    ("Le groupe Suez a signé avec la ville.", [("Suez", "ORG", "model_org")], [("Suez", "ORG")]),
    ("Le contrat a été confié à Suez.", [("Suez", "ORG", "model_org")], [("Suez", "ORG")]),
    ("Les navires partent vers Suez.", [("Suez", "ORG", "org_list")], [("Suez", "ORG")]),
    ("Le prix a été remis à Moussa Séguéla.", [("Moussa Séguéla", "PERSON", "model")],
     [("Moussa Séguéla", "PERSON")]),
])
def test_a_known_place_after_a_locative_is_a_place(text, spans, expected):
    from pipeline.extraction.named_sites import located_places
    got = located_places(text, _sourced(text, spans))
    assert [(m.text, m.label) for m in got] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # a pipeline with a name of its own is LOC whole, the model's pieces of it give way
    ("Le Gazoduc ouest-africain et le Gazoduc Sahel Kolo seront prolongés.",
     [("Sahel", "LOC", "geo_gazetteer")],
     [("Gazoduc ouest-africain", "LOC"), ("Gazoduc Sahel Kolo", "LOC")]),
    ("Le Gazoduc transsaharien traverse le désert.", [], [("Gazoduc transsaharien", "LOC")]),
    # a field or a mine in apposition: only its name (facility + place)
    ("Le gisement gazier Baobab Kossi/Tamar sera exploité dès 2027.",
     [("Baobab Kossi", "LOC", "model")], [("Baobab Kossi/Tamar", "LOC")]),
    ("Le projet aurifère Kobada avance ; le champ Zaranou aussi.", [],
     [("Kobada", "LOC"), ("Zaranou", "LOC")]),
    # a railway by its name, an adjective of place (a French word) included
    ("La concession du Chemin de fer Transsaharien a été renouvelée.", [], [("Transsaharien", "LOC")]),
    ("Le champ Libre du gisement Nord est fermé.", [], []),
    # a bare project is a programme, a lower-case pipeline a description, a rule's ORG stays
    ("Le projet Horizon et le gazoduc Kolo-Sahel avancent.", [], []),
    ("Le gisement Total Kossa produit.", [("Total", "ORG", "org_known")], [("Total", "ORG")]),
])
def test_named_fields_and_pipelines(text, spans, expected):
    from pipeline.extraction.named_sites import named_sites
    got = named_sites(text, _sourced(text, spans))
    assert [(m.text, m.label) for m in got] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # a site named after a person reads on over the rest of its name or its purpose
    ("Les usines de la Cité Ahmed Kossi Dakar Tech ouvrent.",
     [("Cité Ahmed Kossi", "LOC", "model"), ("Dakar", "LOC", "geo_gazetteer")],
     [("Cité Ahmed Kossi Dakar Tech", "LOC")]),
    ("La réunion a eu lieu au complexe Ahmed Kossi de football de Thiès.",
     [("complexe Ahmed Kossi", "LOC", "named_after_person"), ("Thiès", "LOC", "geo_gazetteer")],
     [("complexe Ahmed Kossi de football", "LOC"), ("Thiès", "LOC")]),
    # the town after the name is a place of its own
    ("La foule quitte le stade Ahmed Kossi Dakar.",
     [("stade Ahmed Kossi", "LOC", "named_after_person"), ("Dakar", "LOC", "geo_gazetteer")],
     [("stade Ahmed Kossi", "LOC"), ("Dakar", "LOC")]),
])
def test_a_site_named_after_a_person_keeps_the_rest_of_its_name(text, spans, expected):
    from pipeline.extraction.named_sites import site_name_tails
    got = site_name_tails(text, _sourced(text, spans))
    assert [(m.text, m.label) for m in got] == expected


@pytest.mark.parametrize("text, expected", [
    ("Le sommet s'est tenu au Moi International Conference Centre, à Nairobi.",
     [("Moi International Conference Centre", "LOC")]),
    ("La finale se joue au Kasarani Stadium.", [("Kasarani Stadium", "LOC")]),
])
def test_a_facility_named_in_english_is_one_place(text, expected):
    from pipeline.extraction.named_sites import named_sites
    assert [(m.text, m.label) for m in named_sites(text, [])] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # a name the context made a place is a place at its other occurrences too
    ("Kobada : le site de Kobada a produit. Kobada emploie 300 personnes.",
     [("Kobada", "LOC", "place_after_noun")],
     [("Kobada", "LOC"), ("Kobada", "LOC"), ("Kobada", "LOC")]),
    ("Le village de Tingaro et la société Tingaro.", [("Tingaro", "LOC", "place_list"), ("Tingaro", "ORG", "model_org")],
     [("Tingaro", "LOC"), ("Tingaro", "LOC")]),
    # a rule's organization of that name, or a place the model alone found, stays as it is
    ("Le village de Tingaro et la société Tingaro.", [("Tingaro", "LOC", "place_list"), ("Tingaro", "ORG", "org_known")],
     [("Tingaro", "LOC"), ("Tingaro", "ORG")]),
    ("Kobada : le site de Kobada a produit.", [("Kobada", "LOC", "model")], [("Kobada", "LOC")]),
    # a common word is a place only where its context says so
    ("La région du Centre et le Centre ont voté.", [("Centre", "LOC", "place_after_noun")], [("Centre", "LOC")]),
])
def test_a_place_found_by_context_is_a_place_everywhere(text, spans, expected):
    from pipeline.extraction.named_sites import repeated_places
    ms = _sourced(text, spans)
    if len(spans) == 2:   # the second span is the second occurrence
        ms[1].start = text.rindex(spans[1][0])
        ms[1].end = ms[1].start + len(spans[1][0])
    got = repeated_places(text, ms)
    assert [(m.text, m.label) for m in got] == expected


@pytest.mark.parametrize("text, spans, expected", [
    ("Les travaux de Ras El-Kobba démarrent.", [("Ras El", "LOC", "model")], [("Ras El-Kobba", "LOC")]),
    # a rule's place glued to a neighbour is left to the gazetteer's own checks
    ("La région Dakar-Thiès avance.", [("Dakar", "LOC", "geo_gazetteer")], [("Dakar", "LOC")]),
])
def test_a_model_place_cut_at_a_hyphen_takes_the_rest(text, spans, expected):
    from pipeline.extraction.named_sites import glued_place_ends
    assert [(m.text, m.label) for m in glued_place_ends(text, _sourced(text, spans))] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # a lower-case link named by its ends gives its places (ENTITIES.md, `le gazoduc Nigeria-Maroc`)
    ("La route Kossa-Tingaro-Bolomba sera bitumée.", [("Kossa-Tingaro", "LOC", "model")],
     [("Kossa", "LOC"), ("Tingaro", "LOC"), ("Bolomba", "LOC")]),
    ("Les travaux du tronçon Kossa-Tingaro reprennent.", [("Kossa-Tingaro", "ORG", "model_org")],
     [("Kossa", "LOC"), ("Tingaro", "LOC")]),
    # a place whose own name holds a hyphen stays whole
    ("La route Pointe-Noire-Kossa-Bobo-Dioulasso est ouverte.", [],
     [("Pointe-Noire", "LOC"), ("Kossa", "LOC"), ("Bobo-Dioulasso", "LOC")]),
    # a rule's organization named with a hyphen stays
    ("La ligne Air-Kossa dessert la ville.", [("Air-Kossa", "ORG", "org_known")], [("Air-Kossa", "ORG")]),
])
def test_a_link_between_places_gives_its_places(text, spans, expected):
    from pipeline.extraction.named_sites import linked_places
    assert [(m.text, m.label) for m in linked_places(text, _sourced(text, spans))] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # a name opening with a word of place names only is a place, whatever the model guessed
    ("Les habitants d'Oued Tamlalt et de Hassi Bouzid manifestent.",
     [("Oued Tamlalt", "PERSON", "model"), ("Hassi Bouzid", "ORG", "model_org")],
     [("Oued Tamlalt", "LOC"), ("Hassi Bouzid", "LOC")]),
    # honorifics that open names of people too, and a rule's reading, stay
    ("Sidi Ahmed Kossi et la société Souk Tamar ont signé.",
     [("Sidi Ahmed Kossi", "PERSON", "model"), ("Souk Tamar", "ORG", "org_known")],
     [("Sidi Ahmed Kossi", "PERSON"), ("Souk Tamar", "ORG")]),
])
def test_a_name_opening_with_a_place_word_is_a_place(text, spans, expected):
    from pipeline.extraction.named_sites import prefixed_places
    assert [(m.text, m.label) for m in prefixed_places(text, _sourced(text, spans))] == expected


def test_a_conference_centre_named_after_a_person_is_one_place():
    from pipeline.extraction.named_sites import named_after_people
    text = "Le forum s'ouvre au Centre international de conférences Ahmed Kossi de Thiès."
    got = named_after_people(text, _sourced(text, [
        ("Centre international de conférences Ahmed Kossi", "ORG", "org_head"), ("Thiès", "LOC", "geo_gazetteer")]))
    assert [(m.text, m.label) for m in got] == [
        ("Centre international de conférences Ahmed Kossi", "LOC"), ("Thiès", "LOC")]


@pytest.mark.parametrize("text, spans, expected", [
    # a lower-case site noun before one name gives only the name (ENTITIES.md, facility + place)
    ("Le président a reçu la délégation au palais Lumière vendredi.", [("palais Lumière", "LOC", "model")],
     [("Lumière", "LOC")]),
    ("La pêche reprend sur le lac Kalondo.", [("lac Kalondo", "LOC", "model")], [("Kalondo", "LOC")]),
    # a name of two words may be a person's: the noun stays (named_after_people)
    ("Il a atterri à l'aéroport Mohammed V.", [("aéroport Mohammed V", "LOC", "model")],
     [("aéroport Mohammed V", "LOC")]),
    # a rule's span, or a capitalised noun, is left alone
    ("Le Palais Lumière est fermé.", [("Palais Lumière", "LOC", "model")], [("Palais Lumière", "LOC")]),
    # a palace or a lake named by one word, even a French one, that no mention covers
    ("La séance aura lieu au palais Vert, au bord du lac Bleu.", [], [("Vert", "LOC"), ("Bleu", "LOC")]),
    # a `Trans-` railway; inside an organization's name it stays the organization's
    ("Le Transmalien est saturé, dit la Société du Transmalien.", [("Société du Transmalien", "ORG", "org_head")],
     [("Transmalien", "LOC"), ("Société du Transmalien", "ORG")]),
])
def test_a_site_noun_before_one_name_gives_the_name(text, spans, expected):
    from pipeline.extraction.named_sites import apposed_site_names
    assert [(m.text, m.label) for m in apposed_site_names(text, _sourced(text, spans))] == expected


def test_a_place_the_model_cut_short_after_a_place_noun_runs_on():
    # rule: named_sites.places_after_nouns
    from pipeline.extraction.named_sites import places_after_nouns
    text = "Le contrat porte sur le périmètre de Hassi El Kebir, dans le bassin."
    got = places_after_nouns(text, _sourced(text, [("Hassi El", "LOC", "model")]))
    assert [(m.text, m.label) for m in got] == [("Hassi El Kebir", "LOC")]


@pytest.mark.parametrize("text, spans, expected", [
    # a region named in capitals after its noun is a place, over the acronym reading
    ("Dans la région MANA, la récolte commence.", [("MANA", "ORG", "org_acronym")], [("MANA", "LOC")]),
    ("Dans la région KOLI, la récolte commence.", [], [("KOLI", "LOC")]),
    # a department's capitals are a service (`le département RH`): no place
    ("Le département RH recrute.", [("RH", "ORG", "org_acronym")], [("RH", "ORG")]),
])
def test_a_division_named_in_capitals(text, spans, expected):
    from pipeline.extraction.named_sites import divisions_in_capitals
    assert [(m.text, m.label) for m in divisions_in_capitals(text, _sourced(text, spans))] == expected
