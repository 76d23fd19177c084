"""Decoding, bad input, header, boilerplate and metadata, on real French text."""
from __future__ import annotations

import pytest

from pipeline.batch.reader import BadInput, boilerplate_kind, decode, parse_header, read_article

BODY = ("Le ministre de l'Industrie et du Commerce a inauguré, jeudi à Kénitra, "
        "une usine de câblage qui emploiera 1.200 personnes.\n")


def test_utf8_text_is_kept_exactly():
    text, enc = decode(BODY.encode("utf-8"))
    assert (text, enc) == (BODY, "utf-8")


def test_utf8_bom_is_decoded_and_recorded():
    text, enc = decode(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    assert enc == "utf-8-sig" and text == BODY


def test_cp1252_fallback():
    raw = "Les exportations de l’OCP ont progressé de 12 % à Safi.\n".encode("cp1252")
    text, enc = decode(raw)
    assert enc == "cp1252"
    assert "l’OCP" in text and "progressé" in text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n ", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (bytes(range(256)) * 8, "binary content"),
])
def test_bad_input_gives_a_readable_reason(data, reason):
    with pytest.raises(BadInput, match=reason):
        decode(data)


def test_huge_file_is_refused_with_its_size():
    with pytest.raises(BadInput, match="too large"):
        decode(b"a" * 2_000_001)


def test_a_few_nul_bytes_are_masked_not_fatal():
    art = read_article(BODY.encode("utf-8").replace(b"Le ministre", b"Le\x00ministre"))
    assert art.warnings and "NUL" in art.warnings[0]
    assert "\x00" not in art.prose and len(art.prose) == len(art.text)


def test_header_day_and_month():
    assert parse_header(" date 2026-02-05 Washington a accueilli")[0] == "2026-02-05"
    assert parse_header(" date 2025-04 Deux conventions")[0] == "2025-04"
    assert parse_header("Washington a accueilli, mercredi")[0] is None


def test_malformed_header_leaves_published_null_and_is_masked():
    art = read_article((" date 2026-13-45 " + BODY).encode("utf-8"))
    assert art.published is None
    assert "malformed" in art.warnings[0]
    assert art.prose.startswith(" " * len(" date 2026-13-45"))
    assert "Le ministre" in art.prose


def test_header_masked_prose_on_same_line_kept():
    art = read_article((" date 2024-05 " + BODY).encode("utf-8"))
    assert art.published == "2024-05"
    assert art.prose[:14].strip() == ""
    assert art.prose[14:].startswith("Le ministre")
    assert art.body_start == 14


def test_boilerplate_lines_are_masked_with_offsets_kept():
    text = ("Posted by - Support KAAYXOL -\non - 3 hours ago -\nFiled in - Economy -\n-\n"
            "12 Views - 0 Comments - 0 Likes - 0 Reviews\n" + BODY +
            "Suivez-nous sur WhatsApp | LinkedIn pour les derniers titres\n"
            "Lire aussi : Le port de Nador West Med prêt en 2026\n"
            "The post Kénitra : une nouvelle usine de câblage appeared first on Le Journal "
            "de l’Economie - Actualités du Maroc.\n")
    art = read_article(text.encode("utf-8"))
    prose = art.prose
    assert len(prose) == len(text)
    assert "Posted" not in prose and "Views" not in prose and "WhatsApp" not in prose
    assert "Nador" not in prose, "`Lire aussi` links are furniture"
    assert "jeudi à Kénitra" in prose
    assert art.title == "Kénitra : une nouvelle usine de câblage"
    assert art.outlet == "Le Journal de l'Economie" or art.outlet == "Le Journal de l’Economie"
    assert text[art.body_start:].startswith("Le ministre")
    assert text[:art.body_end].endswith("1.200 personnes.")


@pytest.mark.parametrize("line, kind", [
    ("Le 28/04/2024 à 21h16", "dateline"),
    ("Publié le Jeudi 13 Septembre 2012 à 15:38", "dateline"),
    ("vendredi, 3 mai, 2024 à 19:04", "dateline"),
    ("09/03/2023", "dateline"),
    ("![]()", "markup"),
    ("Crédit Photo : aip.ci", "credit"),
    ("Le Maroc et la France ont signé, jeudi à Paris, plusieurs accords.", None),
    ("Le 28 avril, le ministre a reçu son homologue.", None),
    # a decree's dotted number in a line of prose is no page timestamp
    ("Le Conseil a adopté le décret n° 2.23.515 du 3 juillet 2023 relatif aux marchés publics.", None),
    ("Le 03.06.2024 à 10h12 (mis à jour à 11h00)", "dateline"),
    # a line holding only a date is the page's timestamp
    ("le 4 février 2022", "dateline"),
])
def test_boilerplate_kinds(line, kind):
    assert boilerplate_kind(line) == kind


def test_headline_first_line_is_the_title_and_stays_prose():
    text = "Tanger Med : le trafic de conteneurs en hausse de 18%\n\nLe port de Tanger Med a traité 8,6 millions de conteneurs en 2023.\n"
    art = read_article(text.encode("utf-8"))
    assert art.title == "Tanger Med : le trafic de conteneurs en hausse de 18%"
    assert art.prose.startswith("Tanger Med")


def test_masthead_line_gives_the_outlet():
    text = "Cridem\n\nLancer l'impression\n30-08-2019\n\n16:45\n\nNouakchott accueille le forum minier\n\nLe forum s'ouvre lundi.\n"
    art = read_article(text.encode("utf-8"))
    assert art.outlet == "Cridem"
    assert art.title == "Nouakchott accueille le forum minier"
    assert "Cridem" not in art.prose and "16:45" not in art.prose


@pytest.mark.parametrize("line", [
    "→ A LIRE AUSSI : VIDEO. Un festival de théâtre rouvre ses portes à Ouagadougou",
    "À lire également - Le port de Dakhla Atlantique en chantier",
    "Lire aussi- SÉNÉGAL : la Sonatel investit dans la fibre",
    "» Voir aussi : les chiffres du tourisme en 2024",
    "LIRE ENCORE >> Les exportations d'agrumes reculent",
    "Sur le même sujet : la BAD prête 100 millions de dollars au Niger",
    "SUIVEZ-NOUS",
])
def test_related_link_and_follow_lines_in_any_dress_are_boilerplate(line):
    assert boilerplate_kind(line) is not None


@pytest.mark.parametrize("header, items", [
    ("Lire aussi :", ["» Cacao : la récolte intermédiaire s'annonce faible (02/05/2026)",
                      "» BRVM : Orange Côte d'Ivoire en tête des échanges (28/04/2026)"]),
    ("LIRE AUSSI", ["→ Pêche : le Sénégal suspend les licences de 12 chalutiers",
                    "→ Énergie : la Senelec lance un appel d'offres pour 300 mégawatts"]),
    ("À lire également", ["Mines : 2 000 tonnes d'or exportées par le Mali en 2025"]),
    ("Lire aussi :", ["", "- Transport : la compagnie Air Burkina reprend ses vols vers Accra"]),
])
def test_titles_listed_under_a_bare_related_links_header_are_boilerplate(header, items):
    prose = "Le ministre des Mines a reçu mardi à Bamako une délégation de la Banque mondiale."
    lines = [prose, header] + items + ["", prose]
    text = "\n".join(lines) + "\n"
    art = read_article(text.encode("utf-8"))
    assert len(art.prose) == len(text)
    assert [line.strip() for line in art.prose.split("\n")] == [prose, ""] + ["" for _ in items] + ["", prose, ""]


def test_prose_after_a_related_link_is_kept():
    # a header carrying its one title, or a title list ended by a sentence, keeps the prose after it
    lines = ["Lire aussi : Ghana : le cedi recule face au dollar",
             "Le gouverneur de la banque centrale a annoncé lundi une hausse du taux directeur.",
             "À lire aussi",
             "Le Niger relance ses exportations d'uranium vers la France."]
    art = read_article(("\n".join(lines) + "\n").encode("utf-8"))
    assert art.prose.split("\n")[1] == lines[1] and art.prose.split("\n")[3] == lines[3]


@pytest.mark.parametrize("line, kind", [
    # a related-article item on its own line: an arrow, a rubric, a headline
    ("→ Énergie : la SNX relève ses tarifs de 4 %", "link"),
    ("» Mines : Kalfa en tête des exportations (12/02/2026)", "link"),
    # an agency's signature and the editors' initials closing a dispatch
    ("(APZ)", "byline"),
    ("KT/MB/OS", "byline"),
    # an agency's subscription disclaimer
    ("Les contenus publiés sur le site de l'agence Zeta ne reprennent qu'une partie des dépêches "
     "proposées à nos abonnés. Contactez-nous pour vous abonner.", "credit"),
    # prose: a bullet line, an acronym in a sentence, subscribers without dispatches
    ("• Le ministre a-t-il le temps de réformer la CDG ?", None),
    ("La FNX (Fédération nationale) a ouvert son congrès lundi.", None),
    ("Le nombre d'abonnés au mobile a atteint 12 millions.", None),
])
def test_agency_footers_and_related_items_are_furniture(line, kind):
    assert boilerplate_kind(line) == kind


def test_a_sentence_that_talks_about_reading_is_prose():
    assert boilerplate_kind("Il faut lire aussi le rapport de la Cour des comptes, publié lundi.") is None
    assert boilerplate_kind("Les élèves apprennent à lire aussi bien qu'à compter.") is None


def test_backtick_and_acute_apostrophes_read_as_typographic_ones():
    text = "Le Conseil de sécurité de l`ONU a reçu l´ambassadeur de Côte d`Ivoire.\n"
    art = read_article(text.encode("utf-8"))
    assert len(art.prose) == len(text)
    assert "l’ONU" in art.prose and "l’ambassadeur" in art.prose and "d’Ivoire" in art.prose
    assert art.text == text, "the text as read is untouched"


# Page furniture of other outlets (docs/ENTITIES.md: bylines, photo captions and credits, page
# timestamps are furniture), one line per dress, with the kind it is blanked as.
FURNITURE = [
    ("(Photo d'archives) © Copyright : DR", "credit"),
    ("Le ministre des Finances lors de la signature à Niamey, le 4 juin 2024. © AFP", "caption"),
    ("Le président de la Commission lors du sommet de Lomé. Crédit photo : Présidence du Togo", "caption"),
    ("La délégation guinéenne reçue au palais. Photo : Issa Traoré/MAP", "caption"),
    ("Le ministre en visite au port. (Photo : Archives)", "caption"),
    ("Le gouverneur devant la presse, jeudi. DR", "caption"),
    ("Photo : Issa Traoré/MAP", "credit"),
    ("Photo Issa Traoré/AFP", "credit"),
    ("PHOTO/ MAP", "credit"),
    ("Crédit : Jean Dupont/AFP", "credit"),
    ("(Photo d'illustration)", "credit"),
    ("© Agence Anadolu", "credit"),
    ("Tous droits réservés", "credit"),
    ("Copyright 2024 Le Quotidien. Tous droits réservés.", "credit"),
    ("Reproduction interdite sans autorisation", "credit"),
    ("Par Jean Dupont", "byline"),
    ("Par Jean Dupont, envoyé spécial à Dakar", "byline"),
    ("Par Aminata Diallo et Paul Mensah", "byline"),
    ("Par Serge Ngando, à Douala", "byline"),
    ("Par Awa Ba - 12 mars 2024 à 10h05", "byline"),
    ("Par La Rédaction", "byline"),
    ("Texte par : RFI", "byline"),
    ("Propos recueillis par Mariam Koné", "byline"),
    ("Auteur : Moussa Keita", "byline"),
    ("Avec AFP", "byline"),
    ("(Avec MAP)", "byline"),
    ("avec AFP et Reuters", "byline"),
    ("Avec agences", "byline"),
    ("Avec notre correspondante à Conakry, Fanta Camara", "byline"),
    ("Fatou Ndiaye | 14.05.2026 - Mise à jour : 15.05.2026", "byline"),
    ("Rédigé par Paul Essomba - 03/04/2026 - 2 Commentaire(s)", "byline"),
    ("Posted by Eco Afrique - 2 mars 2026 - 0 Comments", "byline"),
    ("Écrit par Koffi Mensah | 12 mars 2026", "byline"),
    ("De notre envoyé spécial à Gao", "byline"),
    ("Lire aussi : Le Niger relance ses exportations d'uranium (12 mars 2024)", "link"),
    ("→ A LIRE AUSSI", "link"),
    ("Lire également", "link"),
    ("À voir aussi", "link"),
    ("Sur le même sujet", "link"),
    ("À découvrir aussi : la Côte d'Ivoire mise sur le cajou", "link"),
    ("LIRE", "link"),
    ("Mots-clés : Sénégal, BCEAO, inflation", "tags"),
    ("Tags : Mali, Burkina Faso", "tags"),
    ("Thèmes : énergie, mines", "tags"),
    ("VIDEO.", "label"),
    ("PHOTOS.", "label"),
    ("INFOGRAPHIE", "label"),
    ("[EXCLUSIF]", "label"),
    ("URGENT", "label"),
    ("Économie", "section"),
    ("Politique", "section"),
    ("Économie > Finance", "section"),
    ("Société & Culture", "section"),
    ("Partager sur Facebook", "share"),
    ("Partager :", "share"),
    ("Twitter", "share"),
    ("WhatsApp", "share"),
    ("Facebook Twitter WhatsApp", "share"),
    ("Publié le 12 mars 2024 à 10h05, mis à jour le 13 mars 2024 à 08h12", "dateline"),
    ("Publié le 12/03/2024 Mis à jour le 13/03/2024", "dateline"),
    ("Mis à jour : 12.03.2024 - 10:42", "dateline"),
    ("Publié il y a 3 heures", "dateline"),
    ("Mis à jour le", "dateline"),
    ("port-autonome-lome-2024.jpg", "markup"),
    # other outlets' page headers and footers: fields split by `|`, `•` or spaced dashes with the
    # page's date or time, reading times, stamps and captions in another language, breadcrumbs
    ("Société | Par Awa Konaté | Publié le mar 3 février 2026 | 08:15", "dateline"),
    ("La Rédaction | 14.05.2025 | 17:02", "dateline"),
    ("Sports • BTA • 2 janvier 2025 à 18:40", "dateline"),
    ("XYZ – 09h30 – Niamey, le 03/11/2025", "dateline"),
    ("12 février 2025 MonSite 4 min de lecture", "dateline"),
    ("Temps de lecture : 6 min", "dateline"),
    ("Wednesday 3 March 2025 at 14:20", "dateline"),
    ("Ifoto: Stade Amahoro / NEWSRW", "caption"),
    ("Share this: Facebook Telegram", "share"),
    ("MonJournal > Politique > International", "section"),
    ("Radio Kibo – Abonnez-vous à notre chaîne WhatsApp", "paywall"),
]

# Prose that looks like furniture: blanking it would lose its mentions.
NEAR_MISSES = [
    "Par ailleurs, le gouvernement a adopté un projet de loi sur les mines.",
    "Par conséquent, les prix du riz ont augmenté de 12 % à Bamako.",
    "Par décret présidentiel, le ministre de l'Energie a été limogé lundi.",
    "Par Décret n° 2024-112 du 3 mars 2024, le président a nommé un nouveau directeur.",
    "DAKAR, 12 mars (APS) - Le Sénégal a levé 300 milliards de FCFA sur le marché régional.",
    "RABAT, 12 mars (MAP) -",
    "Une photo du président circule sur les réseaux sociaux depuis lundi.",
    "Il a publié une photo : on y voit le président du Ghana à Accra.",
    "Photos et vidéos de l'attaque ont circulé lundi à Bamako.",
    "Photo de famille des chefs d'Etat à Addis-Abeba.",
    "Il faut lire le rapport de la Cour des comptes avant de juger.",
    "« Crédit Agricole du Maroc a relevé ses taux », a-t-il déclaré.",
    "Crédit : la BCEAO resserre les conditions d'accès des banques",
    "Avec 4,2 millions de clients, la banque vise l'Afrique de l'Ouest.",
    "Avec l'Union européenne, le Maroc a signé un accord de pêche.",
    "De notre point de vue, la croissance restera forte en 2024.",
    "Texte adopté par le Parlement le 3 mars.",
    "Le 12 mars 2024, le président a reçu son homologue ghanéen.",
    "Publié en 2023, le rapport de la Banque mondiale recommande des réformes.",
    "Thème : « L'Afrique face au défi climatique »",
    "VIDEO. Le président sénégalais a reçu le Premier ministre ivoirien à Dakar.",
    "Économie : le Maroc lève 2 milliards de dollars",
    "Twitter a suspendu le compte du ministre nigérian.",
    "Partager les richesses du sous-sol, tel est l'objectif du nouveau code minier.",
    "Catégorie : long métrage, le jury a primé un film tourné à Bobo-Dioulasso",
    "Avec BMCE Bank of Africa, la banque a bouclé son tour de table.",
    "Rédigé par des experts, le rapport publié le 3 mars 2024 recommande des réformes.",
    "Le Sénégal | 12 mars 2026 : la BCEAO relève son taux directeur",
    "Bamako – 12 mars 2026 – Le gouvernement malien a relevé le prix du carburant à 10h00.",
    "La séance reprendra le 4 mars 2026 à 10h00.",
    "Rendez-vous jeudi 4 mars 2026 à 10h00 au Palais des congrès de Yaoundé",
    "Source : Banque mondiale / FMI",
    "Le rapport compte 40 pages, soit 15 minutes de lecture pour les députés pressés.",
    "Chiffre d'affaires | 2024 | 2025",
    "Le Mali > le Niger : la production d'or malienne reste devant",
    "Le ministre a lancé un appel – abonnez-vous ou partez, a-t-il dit aux opérateurs. Ils ont refusé.",
    # a place or a month alone may be an intertitle or a chronology's head: a mention either way
    "Afrique",
    "Mars 2024",
    "Le 12 mars",
]


@pytest.mark.parametrize("line, kind", FURNITURE)
def test_page_furniture_lines_are_boilerplate(line, kind):
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_prose_that_looks_like_furniture_is_kept(line):
    assert boilerplate_kind(line) is None


def test_furniture_is_blanked_in_place_and_the_prose_around_it_kept():
    furniture = [line for line, _ in FURNITURE]
    # furniture above, among and below the prose, as on a page
    lines = furniture[:30] + NEAR_MISSES[:15] + furniture[30:45] + NEAR_MISSES[15:] + furniture[45:]
    text = "\n".join(lines) + "\n"
    art = read_article(text.encode("utf-8"))
    assert len(art.prose) == len(text)
    pos = 0
    for line in lines:
        seen = art.prose[pos:pos + len(line)]
        assert seen == (" " * len(line) if line in furniture else line), line
        pos += len(line) + 1
