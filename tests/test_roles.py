"""Roles and the final filter on hand-written French sentences (not from the gold)."""
from __future__ import annotations

import pytest


def roles(doc):
    return {(r["person"], r["title"], r["org"], r["country"]) for r in doc._.roles}


def labels(doc):
    return {(m.text, m.label) for m in doc._.mentions}


def test_minister_then_name(analyse):
    doc = analyse("Le Maroc a signé l'accord. Le ministre de l'Agriculture et de la Pêche maritime, "
                  "Ahmed Bouzidi, a présidé la cérémonie à Meknès.")
    assert ("Ahmed Bouzidi", "ministre", "ministère de l'Agriculture et de la Pêche maritime",
            "MAR") in roles(doc)


def test_name_then_title_of_organization(analyse):
    doc = analyse("Karim Alaoui, directeur général de l'Agence nationale des ports, a reçu "
                  "une délégation sénégalaise à Casablanca.")
    # a public agency is an office of the state (ENTITIES.md, Roles): Casablanca places it
    assert ("Karim Alaoui", "directeur général", "Agence nationale des ports", "MAR") in roles(doc)


def test_generic_head_points_back_to_the_named_organization(analyse):
    doc = analyse("La Fédération nationale du tourisme a tenu son assemblée à Agadir. "
                  "Le président de la Fédération, Youssef Amrani, a salué les résultats.")
    found = roles(doc)
    assert ("Youssef Amrani", "président", "Fédération nationale du tourisme", None) in found


def test_offices_are_not_people(analyse):
    doc = analyse("Le Garde des Sceaux et le Vice-président de la République ont reçu "
                  "Samir Benjelloun à Dakar.")
    people = {t for t, lab in labels(doc) if lab == "PERSON"}
    assert people == {"Samir Benjelloun"}


def test_honorific_out_of_person_span(analyse):
    doc = analyse("M. Benkirane a rencontré Mme Nadia Tazi à Fès. Tazi a ensuite pris la parole.")
    spans = {(m.text, m.norm) for m in doc._.mentions if m.label == "PERSON"}
    assert ("Nadia Tazi", "Nadia Tazi") in spans and ("Tazi", "Nadia Tazi") in spans
    assert all(not t.startswith(("M.", "Mme")) for t, _ in spans)


def test_title_with_demonym_before_a_name_the_model_misses(analyse):
    doc = analyse("Le Premier ministre espagnol Pedro Sánchez a reçu le wali de Bank Al-Maghrib, "
                  "Abdellatif Jouahri, à Madrid.")
    assert ("Pedro Sánchez", "premier ministre", None, "ESP") in roles(doc)
    # a central bank is an office of its state (ENTITIES.md, Roles), whatever the article's country
    assert ("Abdellatif Jouahri", "wali", "Bank Al-Maghrib", "MAR") in roles(doc)


def test_chain_of_offices_shares_the_country_the_title_implies(analyse):
    doc = analyse("L'accord a été signé par Éric Dupond, Garde des Sceaux, ministre de la Justice, "
                  "et par son homologue marocain.")
    found = roles(doc)
    assert ("Éric Dupond", "garde des Sceaux", None, "FRA") in found
    assert ("Éric Dupond", "ministre", "ministère de la Justice", "FRA") in found


def test_remit_after_the_organization_belongs_to_the_title(analyse):
    doc = analyse("Le prêt a été signé par le vice-président de la Banque mondiale chargé des "
                  "infrastructures, Paul Martin, et le directeur général de la BOAD pour le Sénégal, "
                  "Jean Koffi.")
    found = roles(doc)
    assert ("Paul Martin", "vice-président chargé des infrastructures", "Banque mondiale", None) in found
    # a posting to a state is no part of the title (ENTITIES.md, Roles), a region's remit is
    assert ("Jean Koffi", "directeur général", "BOAD", None) in found


def test_title_between_two_names_goes_to_the_second(analyse):
    doc = analyse("La convention porte les signatures de Karim Tazi, le directeur de l'Agence "
                  "nationale des ports, Omar Fassi, et d'autres responsables.")
    found = roles(doc)
    assert not any(p == "Karim Tazi" and t == "directeur" for p, t, _, _ in found)
    assert any(p == "Omar Fassi" and t == "directeur" for p, t, _, _ in found)


def test_counterpart_takes_the_same_office_and_its_own_country(analyse):
    doc = analyse("L'accord a été paraphé par Aminata Touré, ministre des Affaires étrangères du "
                  "Mali, et son homologue tunisien, Hédi Ben Salah.")
    found = roles(doc)
    assert ("Aminata Touré", "ministre", "ministère des Affaires étrangères", "MLI") in found
    # the counterpart's own ministry is not named: org null (ENTITIES.md, Roles)
    assert ("Hédi Ben Salah", "ministre", None, "TUN") in found


def test_respectively_distributes_the_offices(analyse):
    doc = analyse("Étaient présents Ali Hassan Farah et Moussa Idriss Omar, respectivement "
                  "ambassadeur du Tchad auprès de l'Union africaine et ambassadeur du Tchad au Maroc.")
    assert ("Moussa Idriss Omar", "ambassadeur", None, "TCD") in roles(doc)
    # the body an envoy is posted to is no organization of his office (the posting is dropped)
    assert ("Ali Hassan Farah", "ambassadeur", None, "TCD") in roles(doc)


def test_enumerated_ministers_named_by_their_demonym(analyse):
    doc = analyse("Les ministres des Affaires étrangères ghanéen, togolais et béninois se sont "
                  "réunis à Lomé. Le Ghanéen Kwame Mensah, le Togolais Komi Agbeko et le Béninois "
                  "Rodrigue Houngbo ont signé une déclaration.")
    found = roles(doc)
    assert ("Kwame Mensah", "ministre", "ministère des Affaires étrangères", "GHA") in found
    assert ("Rodrigue Houngbo", "ministre", "ministère des Affaires étrangères", "BEN") in found


def test_ambassador_belongs_to_the_sending_state(analyse):
    doc = analyse("Le président a reçu l'ambassadeur du Sénégal au Gabon Cheikh Tidiane Ndiaye.")
    assert ("Cheikh Tidiane Ndiaye", "ambassadeur", None, "SEN") in roles(doc)


def test_represented_by_its_officer_with_an_honorific(analyse):
    doc = analyse("La Société nationale des transports «SNT» représentée par son directeur "
                  "général Mme Salma Berrada a signé la convention.")
    assert any(p == "Salma Berrada" and t == "directeur général" and o == "Société nationale des transports"
               for p, t, o, _ in roles(doc))


def test_head_of_his_government_and_a_clause_subject_is_no_apposition(analyse):
    doc = analyse("Au Maroc, le roi Mohammed VI et le chef de son gouvernement, Aziz Akhannouch, ont "
                  "visité Dakhla. Reçu par Paul Girard, le chef de l'État a salué le projet.")
    found = roles(doc)
    assert ("Aziz Akhannouch", "chef du gouvernement", None, "MAR") in found
    assert not any(p == "Paul Girard" for p, *_ in found)


def test_known_places_the_model_reads_as_people_are_places(analyse):
    doc = analyse("Les producteurs de Béni Amir et d'Oulad Farès ont reçu des aides.")
    assert labels(doc) == {("Béni Amir", "LOC"), ("Oulad Farès", "LOC")}


def test_name_cut_off_by_a_truncated_text_is_dropped(analyse):
    doc = analyse("Le taux directeur reste inchangé, a indiqué le wali de Bank Al-Maghrib, Abd")
    assert labels(doc) == {("Bank Al-Maghrib", "ORG")}


def test_title_and_name_read_as_one_organization(analyse):
    doc = analyse("La Nigerian National Gas Company «NNGC» représentée par son Group CEO Mallam "
                  "Bello Sani Kano a signé l'accord.")
    assert ("Bello Sani Kano", "PERSON") in labels(doc)
    assert any(p == "Bello Sani Kano" and t == "group CEO" for p, t, _, _ in roles(doc))


def test_state_company_has_no_country_an_international_bank_neither(analyse):
    doc = analyse("Au Sénégal, le directeur général de la Société nationale d'électricité, Papa "
                  "Mademba Bitèye, a reçu le président de la Banque africaine de développement, Akin Ola.")
    found = roles(doc)
    # companies, state-owned ones included, take no country (ENTITIES.md, Roles)
    assert ("Papa Mademba Bitèye", "directeur général", "Société nationale d'électricité", None) in found
    assert ("Akin Ola", "président", "Banque africaine de développement", None) in found


@pytest.mark.xfail(strict=True, reason="the mending joins two PERSON pieces; the learned ner that replaced "
                   "the stock ner finds neither piece here (it was kept for LOC: 0.857 vs 0.819 under cross-validation)")
def test_name_split_by_a_stray_period_is_one_person(analyse):
    doc = analyse("L'accord a été signé par le directeur de l'ONEE, Tarik Hamane, et par le "
                  "vice-président de la BAD chargé de l'énergie, Kevin. Kariuki et le directeur de Tamwilcom.")
    people = {(m.text, m.norm) for m in doc._.mentions if m.label == "PERSON"}
    assert ("Kevin. Kariuki", "Kevin Kariuki") in people


# --- classes of misses on unseen articles (issue 9, item 3) -------------------------------

def test_office_then_honorific_then_name(analyse):
    doc = analyse("Le Maroc et la Tunisie ont signé trois accords. Le texte a été paraphé par le "
                  "ministre de l'Équipement et de l'Eau, M. Karim Benslimane, à Rabat.")
    assert ("Karim Benslimane", "ministre", "ministère de l'Équipement et de l'Eau", "MAR") in roles(doc)


def test_two_ministers_in_apposition_and_coordination(analyse):
    doc = analyse("Au Sénégal, M. Ousmane Diop, ministre de la Santé, et Awa Ndiaye, ministre de "
                  "l'Intérieur, ont visité Thiès.")
    found = roles(doc)
    assert ("Ousmane Diop", "ministre", "ministère de la Santé", "SEN") in found
    assert ("Awa Ndiaye", "ministre", "ministère de l'Intérieur", "SEN") in found


def test_head_of_state_keeps_no_republic_in_the_title(analyse):
    doc = analyse("À Bamako, le président de la République, Moussa Keita, a reçu les "
                  "représentants des syndicats maliens.")
    assert ("Moussa Keita", "président", None, "MLI") in roles(doc)


def test_officer_of_a_company_has_no_country(analyse):
    doc = analyse("En Algérie, le PDG de Sonatrach, Karim Hamdi, a annoncé un nouveau contrat "
                  "avec le groupe italien Eni.")
    assert ("Karim Hamdi", "PDG", "Sonatrach", None) in roles(doc)


def test_officer_of_a_public_office_takes_its_state(analyse):
    doc = analyse("Nabil Tazi, directeur général de l'Office national des aéroports, a présenté "
                  "le bilan annuel à Casablanca.")
    assert ("Nabil Tazi", "directeur général", "Office national des aéroports", "MAR") in roles(doc)


def test_appointment_gives_the_office(analyse):
    doc = analyse("Au Maroc, Hassan Alami a été nommé président de l'Autorité nationale de la "
                  "concurrence lors du dernier conseil.")
    assert ("Hassan Alami", "président", "Autorité nationale de la concurrence", "MAR") in roles(doc)


def test_qualifier_and_demonym_after_the_name(analyse):
    doc = analyse("Le remaniement opéré par Karim Bensaid, le nouveau Premier ministre tunisien, "
                  "a surpris les partis.")
    assert ("Karim Bensaid", "premier ministre", None, "TUN") in roles(doc)


def test_former_office_keeps_its_qualifier(analyse):
    doc = analyse("Le procès de l'ancien président guinéen Alpha Condé reprend lundi à Conakry.")
    assert ("Alpha Condé", "ancien président", None, "GIN") in roles(doc)


def test_crown_prince_is_an_office_a_prince_is_a_rank(analyse):
    doc = analyse("Le roi Mohammed VI, accompagné du prince héritier Moulay El Hassan et du prince "
                  "Moulay Rachid, a inauguré le port de Tanger.")
    found = roles(doc)
    assert ("Mohammed VI", "roi", None, "MAR") in found
    assert ("Moulay El Hassan", "prince héritier", None, "MAR") in found
    assert not any(p == "Moulay Rachid" for p, *_ in found)


def test_counterpart_names_no_ministry_of_its_own(analyse):
    doc = analyse("Les délégations étaient conduites par le ministre des Affaires étrangères du "
                  "Niger, Issa Moussa, et son homologue béninois, Paul Agossou.")
    found = roles(doc)
    assert ("Paul Agossou", "ministre", None, "BEN") in found


def test_state_of_the_ministry_named_after_it(analyse):
    doc = analyse("Nasser Amrani s'est entretenu à Rabat avec le ministre des Affaires étrangères "
                  "de la République du Ghana, Kwame Boateng.")
    assert ("Kwame Boateng", "ministre", "ministère des Affaires étrangères", "GHA") in roles(doc)


def test_party_leader_has_no_country(analyse):
    doc = analyse("Au Maroc, le chef du Parti de la justice et du développement, Karim Lamrani, "
                  "a réuni son bureau.")
    assert ("Karim Lamrani", "chef", "Parti de la justice et du développement", None) in roles(doc)


def test_appointment_of_a_name_in_apposition_to_the_subject(analyse):
    doc = analyse("L'économiste Samira Bennani a été élue présidente de la Fédération nationale "
                  "de l'agroalimentaire, mardi à Rabat.")
    assert ("Samira Bennani", "présidente", "Fédération nationale de l'agroalimentaire", None) in roles(doc)


def test_former_head_of_government_with_the_prefix_ex(analyse):
    doc = analyse("Au Sénégal, l'ex-Premier ministre Mamadou Fall a présenté un livre à Dakar.")
    assert ("Mamadou Fall", "ex-premier ministre", None, "SEN") in roles(doc)


def test_minister_of_state_written_without_accent(analyse):
    doc = analyse("Au Niger, Ibrahim Sani, 70 ans, nommé ministre d'Etat, a prêté serment.")
    assert ("Ibrahim Sani", "ministre d'Etat", None, "NER") in roles(doc)


def test_office_of_nothing_named_is_no_role(analyse):
    doc = analyse("Un nouveau patron aux commandes : Karim Slaoui prend la tête de l'entreprise.")
    assert not roles(doc)


def test_nationality_on_the_complement_of_the_office(analyse):
    doc = analyse("Rabat a accueilli le président du parlement tchadien, Idriss Mahamat, pour "
                  "deux jours de consultations.")
    assert ("Idriss Mahamat", "président", None, "TCD") in roles(doc)


def test_head_of_delegation_and_adviser_to_the_king(analyse):
    doc = analyse("La délégation marocaine était conduite par Omar Kabbaj, conseiller du Roi, et "
                  "Youssef Amrani, chef de la délégation marocaine.")
    found = roles(doc)
    assert ("Omar Kabbaj", "conseiller du roi", None, "MAR") in found
    assert ("Youssef Amrani", "chef de la délégation", None, "MAR") in found


def test_apposition_with_the_place_an_office_governs(analyse):
    doc = analyse("La délégation a été accueillie à la gare par Karim Bennani, maire de Meknès, "
                  "et par le wali de la région.")
    # a mayor is an office of the state the city belongs to (ENTITIES.md, Roles)
    assert ("Karim Bennani", "maire de Meknès", None, "MAR") in roles(doc)


def test_qualifier_after_the_title_stays_in_it(analyse):
    doc = analyse("Au Niger, le décret a été signé par le général Amadou Tiani, chef de la junte militaire, "
                  "samedi à Niamey.")
    assert ("Amadou Tiani", "chef de la junte militaire", None, "NER") in roles(doc)


def test_kind_noun_between_the_title_and_the_organization(analyse):
    doc = analyse("Le ministre a reçu à Tanger Wang Lin, président du groupe Huayou, "
                  "et Sara Bennis, directrice générale de la société Tesla.")
    found = roles(doc)
    assert ("Wang Lin", "président", "Huayou", None) in found
    assert ("Sara Bennis", "directrice générale", "Tesla", None) in found


def test_delegate_minister_is_tied_to_the_ministry_after_aupres(analyse):
    doc = analyse("Au Cameroun, la lettre a été remise par Jean Mbarga, ministre délégué auprès "
                  "du ministre de la Santé, au représentant de la banque.")
    found = roles(doc)
    assert ("Jean Mbarga", "ministre délégué", "ministère de la Santé", "CMR") in found
    assert not any(t.endswith("auprès") for _, t, _, _ in found)


def test_department_inside_the_ministry_stays_in_the_title(analyse):
    doc = analyse("Salma Idrissi, directrice des études au ministère de l'Économie, a présenté "
                  "le rapport à Rabat.")
    assert ("Salma Idrissi", "directrice des études", "ministère de l'Économie", "MAR") in roles(doc)


def test_offices_after_an_appointment_verb(analyse):
    doc = analyse("Omar Tazi, du parti de l'Istiqlal (PI), a été élu, mardi 3 mars, président du "
                  "Conseil régional de l'Oriental. La cérémonie a réuni Rachid Benmoussa, nommé depuis 2019 "
                  "ministre de la Culture. Karim Bennis a été nommé par le roi à Rabat.")
    found = roles(doc)
    assert ("Omar Tazi", "président", "Conseil régional de l'Oriental", "MAR") in found
    assert ("Rachid Benmoussa", "ministre", "ministère de la Culture", "MAR") in found
    assert not any(p == "Karim Bennis" for p, _, _, _ in found)


def test_appointment_under_a_fronted_ministry(analyse):
    doc = analyse("Au ministère de l'Équipement et de l'Eau, Samir Alaoui a été nommé directeur des "
                  "routes. Au niveau de l'Office national des pêches, Leila Idrissi a été nommée "
                  "directrice de la stratégie.")
    found = roles(doc)
    assert ("Samir Alaoui", "directeur des routes", "ministère de l'Équipement et de l'Eau", "MAR") in found
    assert ("Leila Idrissi", "directrice de la stratégie", "Office national des pêches", "MAR") in found


def test_name_inside_an_incise_is_not_the_appointee(analyse):
    doc = analyse("Au Mali, Moussa Keita, ancien conseiller de l'ex-président Amadou Touré, est nommé "
                  "ministre d'État chargé de la Réconciliation nationale.")
    found = roles(doc)
    assert not any(p == "Amadou Touré" and t.startswith("ministre") for p, t, _, _ in found)
    assert any(p == "Moussa Keita" and t == "ministre d'État" for p, t, _, _ in found)


def test_home_country_from_demonyms_and_places_not_a_neighbour_named_once(analyse):
    doc = analyse("Les planteurs ivoiriens attendent la récolte à Abidjan, alors que le Ghana voisin "
                  "maintient son prix. Selon Yves Kouamé, directeur général de l'Agence nationale du "
                  "cacao, la prime sera versée en mars.")
    assert ("Yves Kouamé", "directeur général", "Agence nationale du cacao", "CIV") in roles(doc)


def test_home_country_on_a_tie_is_the_state_the_lead_names_first(analyse):
    # one nationality adjective against one neighbour, no place to break the tie: the lead's state
    doc = analyse("Les planteurs ivoiriens attendent la récolte, alors que le Ghana voisin "
                  "maintient son prix. Selon Yves Kouamé, directeur général de l'Agence nationale du "
                  "cacao, la prime sera versée en mars.")
    assert ("Yves Kouamé", "directeur général", "Agence nationale du cacao", "CIV") in roles(doc)


def test_morocco_named_in_passing_is_not_the_home_of_an_article_about_another_state(analyse):
    doc = analyse("Les exportations sénégalaises vers le Maroc progressent. À Dakar, le Sénégal "
                  "mise sur ses ports et les éleveurs sénégalais sur le Mali voisin. Le ministre "
                  "du Commerce, Awa Ndiaye, a salué les chiffres du Sénégal.")
    assert ("Awa Ndiaye", "ministre", "ministère du Commerce", "SEN") in roles(doc)
    # an article about Morocco and one partner keeps Morocco home
    doc = analyse("Le Maroc et le Sénégal ont signé trois accords à Rabat. Le Sénégal et le Maroc "
                  "veulent doubler leurs échanges. Le ministre du Commerce, Omar Alaoui, a salué "
                  "l'accord.")
    assert ("Omar Alaoui", "ministre", "ministère du Commerce", "MAR") in roles(doc)


def test_capitalised_demonym_in_an_organization_names_its_state(analyse):
    doc = analyse("Mme Salma Bennis, Présidente de l'Autorité Marocaine des Assurances, a reçu une "
                  "délégation de l'autorité française des marchés. M. Karim Tazi, Directeur de l'Office "
                  "national des ports, était présent.")
    assert ("Karim Tazi", "directeur", "Office national des ports", "MAR") in roles(doc)


def test_adjective_between_a_government_office_and_the_name(analyse):
    doc = analyse("En France, la sénatrice écologiste Claire Dumont a interpellé le gouvernement. "
                  "Le directeur technique Karim Alaoui a quitté le club.")
    found = roles(doc)
    assert ("Claire Dumont", "sénatrice", None, "FRA") in found
    # a company office with an adjective names no organization: no role
    assert not any(p == "Karim Alaoui" for p, _, _, _ in found)


def test_ministry_led_by_a_person(analyse):
    doc = analyse("Au Cameroun, le ministère des Finances, dirigé par Louis Paul Motaze, a publié "
                  "le budget.")
    assert ("Louis Paul Motaze", "ministre", "ministère des Finances", "CMR") in roles(doc)


def test_one_office_in_the_plural_for_coordinated_names(analyse):
    doc = analyse("Les anciens présidents de la Fédération marocaine de football, Ahmed Zine et "
                  "Omar Lazrak, étaient présents. Les deux présidents Emmanuel Macron et Joe Biden "
                  "se sont entretenus.")
    found = roles(doc)
    assert ("Ahmed Zine", "ancien président", "Fédération marocaine de football", None) in found
    assert ("Omar Lazrak", "ancien président", "Fédération marocaine de football", None) in found
    # heads of two states named by one plural: no country to give either
    assert not any(p in ("Emmanuel Macron", "Joe Biden") for p, _, _, _ in found)


def test_name_after_an_office_of_the_king_holds_the_inner_office(analyse):
    doc = analyse("Fouad Ali El Himma, conseiller du roi Mohammed VI, a reçu les dirigeants des partis.")
    found = roles(doc)
    assert ("Fouad Ali El Himma", "conseiller du roi", None, "MAR") in found
    assert ("Mohammed VI", "roi", None, "MAR") in found
    assert ("Mohammed VI", "conseiller du roi", None, "MAR") not in found


def test_ministry_and_a_second_title_before_the_name(analyse):
    doc = analyse("Le Conseil a adopté le projet, a indiqué le ministre délégué chargé du Budget, "
                  "porte-parole du gouvernement, Karim Lahlou, lors d'un point de presse à Rabat.")
    found = roles(doc)
    assert ("Karim Lahlou", "ministre délégué", "ministère délégué chargé du Budget", "MAR") in found
    assert ("Karim Lahlou", "porte-parole du gouvernement", None, "MAR") in found


def test_protocol_styles_between_the_office_and_the_name(analyse):
    doc = analyse("Le Conseil des ministres sénégalais s'est tenu mercredi à Dakar sous la présidence "
                  "du Chef de l'Etat, Son Excellence, Monsieur Macky Diallo.")
    assert ("Macky Diallo", "chef de l'Etat", None, "SEN") in roles(doc)


def test_title_in_an_adverbial_phrase_is_not_the_next_subjects(analyse):
    doc = analyse("Le wali de Bank Al-Maghrib a été reçu par le Roi à Fès. Dans son discours devant "
                  "le Roi, Karim Hassani a souligné la croissance de l'économie.")
    assert not any(p == "Karim Hassani" and t == "roi" for p, t, _, _ in roles(doc))


def test_office_of_the_object_of_an_active_appointment(analyse):
    doc = analyse("Le roi Mohammed VI a nommé Nadia Fettah ministre de l'Économie et des Finances. "
                  "Le président Karim Tazi a nommé Omar Alami directeur de l'Agence nationale des ports.")
    found = roles(doc)
    assert ("Nadia Fettah", "ministre", "ministère de l'Économie et des Finances", "MAR") in found
    assert ("Omar Alami", "directeur", "Agence nationale des ports", "MAR") in found
    # the one who appoints does not take the office
    assert not any(p == "Karim Tazi" and t == "directeur" for p, t, _, _ in found)


def test_parenthesis_after_the_name_and_an_organization_named_after_its_description(analyse):
    doc = analyse("Omar Fassi (PAM), président de la Fédération marocaine de football, a voté contre. "
                  "Le ministre sera remplacé par Karim Zidane (photo), le patron de la compagnie "
                  "pétrolière nationale, Sonatrach.")
    found = roles(doc)
    assert ("Omar Fassi", "président", "Fédération marocaine de football", None) in found
    # a company's officers take no country (ENTITIES.md, Roles)
    assert ("Karim Zidane", "patron", "Sonatrach", None) in found


def test_rank_with_its_article_between_the_office_and_the_name(analyse):
    doc = analyse("Lors de la visite du président de la Transition, le général Brice Oligui, "
                  "le Gabon a mobilisé 739 milliards de FCFA.")
    assert ("Brice Oligui", "président de la transition", None, "GAB") in roles(doc)


def test_years_of_a_past_office_between_the_office_and_the_name(analyse):
    doc = analyse("Il s'agit de l'ancien ministre de l'Intérieur (1999-2002) Ahmed Midaoui, 70 ans, "
                  "nommé conseiller.")
    assert ("Ahmed Midaoui", "ancien ministre", "ministère de l'Intérieur", "MAR") in roles(doc)


# --- offices given away from the name (issue 9, roles) ---

@pytest.mark.parametrize("text, expected", [
    # a plural office, its body, then `à savoir` and the names
    ("Le conseil a élu ses trois vice-présidents de la Fédération nationale du tourisme, à savoir "
     "Karim Alami, Said Bennani et Nadia Tazi.",
     {("Karim Alami", "vice-président", "Fédération nationale du tourisme", None),
      ("Nadia Tazi", "vice-président", "Fédération nationale du tourisme", None)}),
    # `en l'occurrence` after the body: a public office takes its state
    ("Les accords ont été signés par les directeurs généraux de l'Office national des pêches, "
     "en l'occurrence Ali Tazi et Hamid Lahlou.",
     {("Ali Tazi", "directeur général", "Office national des pêches", "MAR"),
      ("Hamid Lahlou", "directeur général", "Office national des pêches", "MAR")}),
    # `notamment`, the complement's case kept, a member office of the home state
    ("Le gouvernement compte quatre ministres d'État, notamment Ahmed Benali et Omar Fassi.",
     {("Ahmed Benali", "ministre d'État", None, "MAR"), ("Omar Fassi", "ministre d'État", None, "MAR")}),
])
def test_plural_office_then_its_list_of_names(analyse, text, expected):
    assert expected <= roles(analyse(text))


def test_list_of_names_in_the_next_sentence(analyse):
    doc = analyse("Le Parlement a adopté le texte à Rabat. Trois députés ont voté contre. "
                  "Il s'agit de Youssef Amrani et de Laila Bennis.")
    found = roles(doc)
    assert ("Youssef Amrani", "député", None, "MAR") in found
    assert ("Laila Bennis", "député", None, "MAR") in found


def test_two_heads_of_state_in_a_list_take_no_state(analyse):
    # `président` is one state's office: two of them are of two states, which the text does not say
    doc = analyse("Les deux présidents, à savoir Karim Diallo et Amadou Sy, se sont rencontrés à Dakar.")
    assert not any(t == "président" for _, t, _, _ in roles(doc))


@pytest.mark.parametrize("text, expected", [
    ("Le Malien Ousmane Diarra a été désigné à la présidence de la Commission de la CEDEAO.",
     ("Ousmane Diarra", "président", "Commission de la CEDEAO", None)),
    ("Les membres ont désigné Said Naciri à la présidence du Wydad Athletic Club.",
     ("Said Naciri", "président", "Wydad Athletic Club", None)),
    ("Karim Benjelloun, qui a remporté la présidence de la Fédération marocaine de football, a "
     "remercié les clubs.",
     ("Karim Benjelloun", "président", "Fédération marocaine de football", None)),
])
def test_office_named_by_its_function_noun(analyse, text, expected):
    assert expected in roles(analyse(text))


def test_candidacy_to_an_office_is_no_office(analyse):
    doc = analyse("Karim Benjelloun est candidat à la présidence de la Fédération marocaine de football.")
    assert not roles(doc)


def test_office_in_the_sentence_before_a_new_name(analyse):
    doc = analyse("«La croissance sera forte», a affirmé le gouverneur de la Banque centrale des États "
                  "de l'Afrique de l'Ouest. Jean-Paul Kouamé a aussi évoqué l'inflation. Le ministre de "
                  "l'Industrie et du Commerce a présenté le bilan. Ryad Mezzani a souligné la hausse des "
                  "exportations.")
    found = roles(doc)
    # an international bank's officer takes no state (ENTITIES.md, Roles)
    assert ("Jean-Paul Kouamé", "gouverneur", "Banque centrale des États de l'Afrique de l'Ouest", None) in found
    assert ("Ryad Mezzani", "ministre", "ministère de l'Industrie et du Commerce", "MAR") in found


@pytest.mark.parametrize("text", [
    # the office has its holder in its own sentence
    "Le ministre de l'Industrie et du Commerce, Ryad Mezzour, a pris la parole. Karim Bennani a "
    "souligné la hausse des exportations.",
    # an adviser's minister is no one's office here
    "Un conseiller du ministre de l'Industrie et du Commerce a pris la parole. Karim Bennani a "
    "souligné la hausse des exportations.",
    # a sentence between the office and the name
    "Le ministre de l'Industrie et du Commerce a pris la parole. Il a ensuite quitté la salle. "
    "Karim Bennani a souligné la hausse des exportations.",
])
def test_office_before_a_name_that_is_not_its_holder(analyse, text):
    assert not any(p == "Karim Bennani" for p, _, _, _ in roles(analyse(text)))


@pytest.mark.parametrize("text, expected", [
    ("Le conseiller du roi, André Azoulay, a assisté à la cérémonie.",
     ("André Azoulay", "conseiller du roi", None, "MAR")),
    ("Le conseiller du Roi Fouad Ali El Himma était présent à Rabat.",
     ("Fouad Ali El Himma", "conseiller du roi", None, "MAR")),
    # the king by his style
    ("André Azoulay, conseiller de Sa Majesté le Roi, a présidé la cérémonie à Essaouira.",
     ("André Azoulay", "conseiller du roi", None, "MAR")),
    ("Taïeb Fassi Fihri, conseiller de SM le Roi, était présent.",
     ("Taïeb Fassi Fihri", "conseiller du roi", None, "MAR")),
    ("Le roi a reçu Ahmed Tazi, conseiller spécial du président sénégalais, à Rabat.",
     ("Ahmed Tazi", "conseiller spécial du président", None, "SEN")),
    ("Il a reçu Karim Diallo, représentant personnel du président ivoirien, à Abidjan.",
     ("Karim Diallo", "représentant personnel du président", None, "CIV")),
])
def test_office_at_a_head_of_state_side(analyse, text, expected):
    found = roles(analyse(text))
    assert expected in found
    assert not any(t == "roi" for _, t, _, _ in found)


def test_adviser_of_the_king_named_by_his_regnal_name(analyse):
    doc = analyse("Le discours du conseiller du roi Mohammed VI a été salué à Rabat.")
    assert ("Mohammed VI", "roi", None, "MAR") in roles(doc)


@pytest.mark.parametrize("text, expected", [
    ("Youssef Amrani, directeur général adjoint chargé de la stratégie et du développement à "
     "l'Agence marocaine de l'efficacité énergétique, a présenté l'étude.",
     ("Youssef Amrani", "directeur général adjoint chargé de la stratégie et du développement",
      "Agence marocaine de l'efficacité énergétique", "MAR")),
    ("Samira Tazi, directrice marketing chez Renault, a présenté le projet.",
     ("Samira Tazi", "directrice marketing", "Renault", None)),
    ("Rachid Alaoui, membre du bureau politique du Parti de l'Istiqlal, a critiqué le projet.",
     ("Rachid Alaoui", "membre du bureau politique", "Parti de l'Istiqlal", None)),
    # a remit naming places, then the company after `chez`
    ("Omar Fassi, vice-président exécutif chargé de l'Afrique de l'Ouest chez Orange, a annoncé l'investissement.",
     ("Omar Fassi", "vice-président exécutif chargé de l'Afrique de l'Ouest", "Orange", None)),
    # a department in lower case between the title and the organization
    ("Le directeur de la communication de Royal Air Maroc, Adil Benchekroun, a confirmé l'information.",
     ("Adil Benchekroun", "directeur de la communication", "Royal Air Maroc", None)),
])
def test_long_office_after_the_name(analyse, text, expected):
    assert expected in roles(analyse(text))


@pytest.mark.parametrize("text, expected", [
    ("Karim Tazi a été nommé au poste de directeur général de l'Agence nationale des ports.",
     ("Karim Tazi", "directeur général", "Agence nationale des ports", "MAR")),
    ("Le Maroc a un nouveau gouvernement. M. Karim Tazi est même élevé au rang de ministre d'État.",
     ("Karim Tazi", "ministre d'État", None, "MAR")),
])
def test_appointment_to_a_post_or_a_rank(analyse, text, expected):
    assert expected in roles(analyse(text))


def test_side_of_the_signatories_gives_their_state(analyse):
    doc = analyse("L'accord a été signé à Rabat, du côté émirati, par Cheikh Saif Ben Zayed, vice-Premier "
                  "ministre, ministre de l'Intérieur, et du côté marocain par le ministre de l'Intérieur, "
                  "M. Abdelouafi Laftit.")
    found = roles(doc)
    assert ("Saif Ben Zayed", "ministre", "ministère de l'Intérieur", "ARE") in found
    assert ("Abdelouafi Laftit", "ministre", "ministère de l'Intérieur", "MAR") in found


def test_pronoun_takes_the_office_of_the_one_person_before(analyse):
    doc = analyse("Le Maroc et le Sénégal ont signé un accord. Mustapha Guitouni a quitté le gouvernement. "
                  "Il était précédemment le patron de Sonelgaz.")
    assert ("Mustapha Guitouni", "patron", "Sonelgaz", None) in roles(doc)
    # two people before the pronoun: no antecedent to choose
    doc = analyse("Le texte a été signé par Karim Tazi et Omar Fassi. Il est le président de la "
                  "Fédération marocaine de football.")
    assert not roles(doc)


def test_name_governed_by_the_office_is_not_its_holder(analyse):
    doc = analyse("Guillaume Soro, le Premier ministre de M. Ouattara, devrait être à Addis-Abeba.")
    assert not any(p == "Ouattara" for p, _, _, _ in roles(doc))


@pytest.mark.parametrize("text, expected", [
    ("La délégation sénégalaise, conduite par Amadou Ba, est arrivée à Rabat.",
     ("Amadou Ba", "chef de la délégation", None, "SEN")),
    ("Nasser Bourita, à la tête d'une délégation marocaine, est arrivé à Addis-Abeba.",
     ("Nasser Bourita", "chef de la délégation", None, "MAR")),
    ("La délégation du FMI conduite par M. Edward Gemayel a rencontré le ministre à Dakar.",
     ("Edward Gemayel", "chef de la délégation", "FMI", None)),
])
def test_head_of_a_delegation(analyse, text, expected):
    assert expected in roles(analyse(text))


def test_delegation_of_no_named_state_or_body_gives_no_role(analyse):
    assert not roles(analyse("La délégation officielle, conduite par Karim Tazi, est arrivée à Rabat."))


@pytest.mark.parametrize("text, expected", [
    ("Au niveau du Haut-Commissariat au Plan, Karim Tazi et Nadia Alami ont été nommés respectivement "
     "directeur des ressources humaines et des affaires générales, et inspectrice générale, a indiqué "
     "le ministre.",
     {("Karim Tazi", "directeur des ressources humaines et des affaires générales", "Haut-Commissariat au Plan", "MAR"),
      ("Nadia Alami", "inspectrice générale", "Haut-Commissariat au Plan", "MAR")}),
    ("Karim Tazi et Nadia Alami ont été respectivement nommés directeur général de l'Agence nationale "
     "des ports et présidente de la Fédération marocaine de football.",
     {("Karim Tazi", "directeur général", "Agence nationale des ports", "MAR"),
      ("Nadia Alami", "présidente", "Fédération marocaine de football", None)}),
])
def test_appointed_respectively(analyse, text, expected):
    assert expected <= roles(analyse(text))


def test_list_after_a_clause_is_not_the_office(analyse):
    # the names list the object of the verb, not the office before it
    doc = analyse("Les directeurs de l'Office national des pêches ont reçu les élus, notamment Karim Tazi "
                  "et Omar Fassi.")
    assert not any(p in ("Karim Tazi", "Omar Fassi") for p, _, _, _ in roles(doc))


def test_first_office_in_apposition_before_the_ministry(analyse):
    doc = analyse("Le Sénégal a fixé le prix. L'annonce a été faite à Dakar par le ministre d'Etat, ministre "
                  "de l'Agriculture et de l'Elevage, Amadou Diallo, mercredi.")
    found = roles(doc)
    assert ("Amadou Diallo", "ministre d'Etat", None, "SEN") in found
    assert ("Amadou Diallo", "ministre", "ministère de l'Agriculture et de l'Elevage", "SEN") in found


def test_rank_with_an_elided_article_before_the_name(analyse):
    doc = analyse("Le bilan a été présenté par le président de l'Autorité du canal de Suez (SCA), l'amiral "
                  "Oussama Rabie, au Caire.")
    assert ("Oussama Rabie", "président", "Autorité du canal de Suez", "EGY") in roles(doc)


def test_possessive_office_of_the_organization_named_last(analyse):
    doc = analyse("La Banque centrale européenne a relevé ses taux à Francfort. Sa présidente, Christine "
                  "Lagarde, a répété que l'institution restait prête.")
    assert ("Christine Lagarde", "présidente", "Banque centrale européenne", None) in roles(doc)
    # a person named between the organization and the office: whose office it is is unclear
    doc = analyse("La Banque centrale européenne a reçu Omar Fassi à Francfort. Sa présidente, Christine "
                  "Lagarde, a répété que l'institution restait prête.")
    assert not any(p == "Christine Lagarde" and o for p, _, o, _ in roles(doc))


@pytest.mark.parametrize("text, expected", [
    # one entry a line, after a bullet
    ("Le gouvernement burkinabè a été remanié. La nouvelle équipe :\n- Premier ministre : Paul Kaboré\n"
     "- Ministre de l'Économie et des Finances : Lassané Ouédraogo\n- Ministre des Mines : Rasmata Zongo\n"
     "Le premier conseil se tiendra lundi.",
     {("Paul Kaboré", "premier ministre", None, "BFA"),
      ("Lassané Ouédraogo", "ministre", "ministère de l'Économie et des Finances", "BFA"),
      ("Rasmata Zongo", "ministre", "ministère des Mines", "BFA")}),
    # entries in running text, one a sentence
    ("Voici l'équipe du gouvernement togolais. Ministre de l'Agriculture : Koffi Agbeko. "
     "Ministre de la Santé : Akua Mensah.",
     {("Koffi Agbeko", "ministre", "ministère de l'Agriculture", "TGO"),
      ("Akua Mensah", "ministre", "ministère de la Santé", "TGO")}),
    # two offices in one entry, an honorific before the name
    ("Le gouvernement nigérien compte 21 membres.\n- Ministre d'État, ministre de l'Intérieur : M. Ibrahim "
     "Toumba\n- Ministre des Affaires étrangères : Bakary Sangaré\nLa passation aura lieu lundi.",
     {("Ibrahim Toumba", "ministre d'État", None, "NER"),
      ("Ibrahim Toumba", "ministre", "ministère de l'Intérieur", "NER"),
      ("Bakary Sangaré", "ministre", "ministère des Affaires étrangères", "NER")}),
    # a name the model misses after the colon, two offices before it, semicolons after
    ("Le nouveau gouvernement ivoirien compte 32 membres.\nMinistre d'État, ministre de la Défense : Téné "
     "Birahima Ouattara ;\nMinistre délégué chargé du Budget : Moussa Sanogo ;\nLa passation aura lieu lundi.",
     {("Téné Birahima Ouattara", "ministre d'État", None, "CIV"),
      ("Téné Birahima Ouattara", "ministre", "ministère de la Défense", "CIV"),
      ("Moussa Sanogo", "ministre délégué", "ministère délégué chargé du Budget", "CIV")}),
    # the name first, then the office
    ("Le nouveau gouvernement malien a été formé.\n- Moussa Traoré : ministre des Mines\n- Awa Keïta : ministre "
     "de la Santé\nLa passation aura lieu lundi.",
     {("Moussa Traoré", "ministre", "ministère des Mines", "MLI"),
      ("Awa Keïta", "ministre", "ministère de la Santé", "MLI")}),
    # the office in brackets after each name
    ("Le conseil des ministres sénégalais a réuni Modou Sarr (ministre de l'Énergie), Fatou Ndiaye "
     "(ministre du Commerce) et des élus.",
     {("Modou Sarr", "ministre", "ministère de l'Énergie", "SEN"),
      ("Fatou Ndiaye", "ministre", "ministère du Commerce", "SEN")}),
    # an enumeration cut by semicolons
    ("Étaient présents au Maroc Omar Bennis, ministre de l'Énergie ; Leila Fassi, ministre du Commerce ; "
     "et Hamid Tazi, ministre de la Justice.",
     {("Omar Bennis", "ministre", "ministère de l'Énergie", "MAR"),
      ("Leila Fassi", "ministre", "ministère du Commerce", "MAR"),
      ("Hamid Tazi", "ministre", "ministère de la Justice", "MAR")}),
])
def test_line_up_of_a_government(analyse, text, expected):
    found = roles(analyse(text))
    assert expected <= found
    # each office goes to its own entry's name, never to the next line's or the next name's
    people = {p for p, _, _, _ in expected}
    assert {r for r in found if r[0] in people} == expected


@pytest.mark.parametrize("text, expected", [
    ("Le chef de l'État malien, Bakary Konaté, a reçu jeudi une délégation du Niger.",
     ("Bakary Konaté", "chef de l'État", None, "MLI")),
    ("Le président nigérien Issoufou Garba a été reçu à Paris.",
     ("Issoufou Garba", "président", None, "NER")),
    ("La cheffe de la diplomatie ghanéenne Efua Owusu est arrivée à Abidjan lundi.",
     ("Efua Owusu", "cheffe de la diplomatie", None, "GHA")),
    ("Le chef de la diplomatie espagnole, José Martín, a rencontré des élus à Rabat.",
     ("José Martín", "chef de la diplomatie", None, "ESP")),
    # the demonym is on the head of state, the office is the adviser's
    ("Le conseiller du président gabonais, Paul Mba, a démenti l'information.",
     ("Paul Mba", "conseiller du président", None, "GAB")),
    # a two-word office of the place it governs, before the name: the place in the title
    ("Le prince héritier de Charjah, Ahmed Al Qasimi, a inauguré la foire du livre.",
     ("Ahmed Al Qasimi", "prince héritier de Charjah", None, "ARE")),
    # a counterpart of an office the sentence opens with, held by no name
    ("Le président sénégalais a reçu à Dakar son homologue gambien, Lamin Jallow.",
     ("Lamin Jallow", "président", None, "GMB")),
    ("Jeudi, le ministre ivoirien des Affaires étrangères a accueilli son homologue ghanéen, Kwame Boateng.",
     ("Kwame Boateng", "ministre", None, "GHA")),
    # a counterpart of the named minister takes his title, not his ministry
    ("Le ministre marocain des Affaires étrangères, Karim Benali, a reçu son homologue mauritanien, "
     "Sidi Ould Ahmed, à Rabat.",
     ("Sidi Ould Ahmed", "ministre", None, "MRT")),
])
def test_demonym_gives_the_state_of_the_office(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


def test_demonym_on_a_foreign_minister_does_not_make_the_article_his_state(analyse):
    doc = analyse("Sonatrach a signé deux accords à Alger. Étaient présents les ministres des deux pays, à "
                  "savoir Youcef Yousfi, ministre de l'Energie, et Bruno Martin, ministre français de "
                  "l'Industrie. L'Algérie fournit du gaz à la France.")
    found = roles(doc)
    assert ("Youcef Yousfi", "ministre", "ministère de l'Energie", "DZA") in found
    assert ("Bruno Martin", "ministre", "ministère de l'Industrie", "FRA") in found


@pytest.mark.parametrize("text, expected", [
    ("Au Sénégal, Amadou Sy, Premier ministre et ministre des Finances, a présenté le budget.",
     {("Amadou Sy", "premier ministre", None, "SEN"), ("Amadou Sy", "ministre", "ministère des Finances", "SEN")}),
    ("Au Sénégal, le Premier ministre et ministre des Finances, Amadou Sy, a présenté le budget.",
     {("Amadou Sy", "premier ministre", None, "SEN"), ("Amadou Sy", "ministre", "ministère des Finances", "SEN")}),
    ("Le Maroc a tenu la réunion en présence du ministre d'Etat, ministre de l'Intérieur, Karim Bensaïd, "
     "et des walis.",
     {("Karim Bensaïd", "ministre d'Etat", None, "MAR"), ("Karim Bensaïd", "ministre", "ministère de l'Intérieur", "MAR")}),
    ("Karim Zidane, fondateur et PDG de la société Dataprotect, a présenté la solution.",
     {("Karim Zidane", "fondateur", "Dataprotect", None), ("Karim Zidane", "PDG", "Dataprotect", None)}),
    ("Youssef Alami, ministre d'État, ministre de l'Intérieur, a présidé la réunion à Rabat.",
     {("Youssef Alami", "ministre d'État", None, "MAR"), ("Youssef Alami", "ministre", "ministère de l'Intérieur", "MAR")}),
    ("Le Maroc a reçu Samir Kettani, ministre de la Santé et porte-parole du gouvernement.",
     {("Samir Kettani", "ministre", "ministère de la Santé", "MAR"),
      ("Samir Kettani", "porte-parole du gouvernement", None, "MAR")}),
    ("Le ministre malien des Mines et président du conseil d'administration de la Société des mines, "
     "Bakary Sidibé, a visité le site.",
     {("Bakary Sidibé", "ministre", "ministère des Mines", "MLI"),
      ("Bakary Sidibé", "président du conseil d'administration", "Société des mines", None)}),
])
def test_two_offices_of_one_name(analyse, text, expected):
    found = roles(analyse(text))
    person = next(iter(expected))[0]
    assert {r for r in found if r[0] == person} == expected


@pytest.mark.parametrize("text, expected", [
    ("Jamal Idrissi, directeur général adjoint chargé des opérations et du développement commercial de la "
     "Compagnie marocaine de navigation, a présenté le plan.",
     ("Jamal Idrissi", "directeur général adjoint chargé des opérations et du développement commercial",
      "Compagnie marocaine de navigation", None)),
    ("Salif Ndiaye, qui conduisait la délégation sénégalaise, a salué l'accord signé à Rabat.",
     ("Salif Ndiaye", "chef de la délégation", None, "SEN")),
    ("Salif Ndiaye, qui dirigeait la délégation du Sénégal, a salué l'accord.",
     ("Salif Ndiaye", "chef de la délégation", None, "SEN")),
    # a nationality noun between the office and the name describes the holder
    ("L'entraîneur du Raja, le Portugais José Silva, a salué la victoire.",
     ("José Silva", "entraîneur", "Raja", None)),
    ("L'accord a été signé par le président-directeur général de Sonatrach, Nabil Mansouri, et le "
     "directeur général de l'OCP, Mostafa Terrab.",
     ("Mostafa Terrab", "directeur général", "OCP", None)),
    # the complement of another office (`l'ambassadeur de France`) does not make the article French
    ("Le président de la République, Abdelmadjid Tebboune, a reçu l'ambassadeur de France en Algérie.",
     ("Abdelmadjid Tebboune", "président", None, "DZA")),
])
def test_plain_offices(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Le représentant spécial du secrétaire général de l'ONU pour le Mali, Jean Moreau, est arrivé à Bamako.",
     ("Jean Moreau", "représentant spécial du secrétaire général", "ONU", None)),
    ("Le conseiller du directeur général de l'OCP, Karim Fassi, a présenté le plan.",
     ("Karim Fassi", "conseiller du directeur général", "OCP", None)),
    ("Le directeur régional de la BAD pour l'Afrique du Nord, Karim Fassi, a présenté le plan.",
     ("Karim Fassi", "directeur régional pour l'Afrique du Nord", "BAD", None)),
])
def test_office_at_the_side_of_an_organization_head(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


def test_a_side_gives_the_state_of_state_offices_only(analyse):
    # a coach holds no office of the state his side stands for, and names no club here
    doc = analyse("Côté tunisien, l'entraîneur Samir Jaziri a reconnu la défaite.")
    assert not roles(doc)


@pytest.mark.parametrize("text", [
    # the office of a body named by a common noun is not the state's
    "Le président du jury : Karim Tazi. La cérémonie a eu lieu à Rabat.",
    "« Ce prix va nous aider », a confié Karim Tazi, président d'une coopérative de Meknès, au Maroc.",
    # a colon that opens a quotation or a topic gives no office
    "Le ministre de la Santé : « Nous allons ouvrir dix hôpitaux », a déclaré Karim Tazi au Maroc.",
    "Thème du jour au Maroc : Karim Tazi et la réforme.",
    "Karim Tazi : le Maroc doit investir davantage.",
    # brackets holding a party or a country are no office
    "Karim Tazi (PJD) a critiqué le gouvernement au Maroc.",
])
def test_no_office_from_a_colon_or_brackets(analyse, text):
    assert not any(p == "Karim Tazi" for p, _, _, _ in roles(analyse(text)))


def test_present_qualifier_is_not_kept_in_the_title(analyse):
    doc = analyse("Le président actuel de la CGEM, Karim Tazi, a salué l'accord.")
    assert ("Karim Tazi", "président", "CGEM", None) in roles(doc)


@pytest.mark.parametrize("text, expected", [
    ("La Banque des Etats de l'Afrique centrale a relevé son taux à Yaoundé. Le gouverneur de la banque "
     "centrale, Yvon Mbarga, a justifié cette décision.",
     {("Yvon Mbarga", "gouverneur", "Banque des Etats de l'Afrique centrale", None)}),
    # the adjective must be the named organization's: no bank named `centrale` before
    ("La Banque mondiale a publié son rapport. Le gouverneur de la banque centrale, Yvon Mbarga, a réagi.",
     set()),
    # the kind noun the text introduced the company with (`le groupe X`) points back to it
    ("Le groupe Kotrama a publié ses comptes. Le directeur général du groupe, Yvon Mbarga, a salué "
     "la hausse.", {("Yvon Mbarga", "directeur général", "Kotrama", None)}),
    ("La société Kotrama a publié ses comptes. Le directeur général du groupe, Yvon Mbarga, a salué "
     "la hausse.", set()),
])
def test_office_of_an_organization_named_before_by_its_kind(analyse, text, expected):
    assert {r for r in roles(analyse(text)) if r[0] == "Yvon Mbarga"} == expected


# The state of an office the text gives none for (roles._article_state): counts of names and
# nationality words, of known places, where each state is first named, and the home country.
@pytest.mark.parametrize("countries, places, first, home, expected", [
    # the home country named at least a third as often as the top state stays home
    ({"MAR": 2, "SEN": 4}, {}, {}, "MAR", "MAR"),
    # few names: places weigh as names (the capital five times beats a client named once)
    ({"MLI": 1, "ARE": 1}, {"SEN": 5, "MLI": 1}, {"MLI": 10, "ARE": 5}, "MAR", "SEN"),
    # many names: places only break a tie (a summit's venue does not outvote the subject)
    ({"CIV": 5, "ETH": 3}, {"ETH": 4}, {}, "MAR", "CIV"),
    ({"CIV": 3, "GHA": 3}, {"CIV": 1}, {"GHA": 0, "CIV": 9}, "MAR", "CIV"),
    # a tie on names and places: the state named first
    ({"CIV": 3, "GHA": 3}, {}, {"GHA": 0, "CIV": 9}, "MAR", "GHA"),
    # no name at all: a place named twice, not one named once
    ({}, {"TUN": 2}, {}, "MAR", "TUN"),
    ({}, {"NLD": 1}, {}, "MAR", "MAR"),
])
def test_article_state(countries, places, first, home, expected):
    from collections import Counter

    from pipeline.extraction.roles import _article_state
    assert _article_state(Counter(countries), Counter(places), first, home) == expected


@pytest.mark.parametrize("text, expected", [
    ("Les Sénégalais attendent le port.", {"SEN": 1}),
    ("Le chantier emploie 80 % de Sénégalais et des ouvriers maliens.", {"SEN": 1, "MLI": 1}),
    # a capitalised demonym opening a name is no people (`Marocaine des Jeux`)
    ("La Marocaine des Jeux publie ses comptes.", {}),
])
def test_nationality_words_a_text_names(text, expected):
    from pipeline.extraction.roles import _demonym_countries
    assert dict(_demonym_countries(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("signé du côté émirati par X", ["ARE"]),
    # OCR reads `ô` as `6`
    ("signé du c6té émirati par X et du côté marocain par Y", ["ARE", "MAR"]),
    # `côte` is no side, nor a word one misreading away from `côté` that is not it
    ("la Côte ivoirienne et la cote malienne", []),
])
def test_sides_of_the_signatories(text, expected):
    from pipeline.extraction.roles import _sides
    assert [c for _, c in _sides(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # an article on Senegal naming its capital often and Mali once in passing
    ("Le port de Dakar sature. À Dakar, le nouveau terminal de Rufisque doit ouvrir en 2027, "
     "et les ouvriers viennent de Thiès. Le ministre des Transports, Amadou Ba, a visité Dakar. "
     "Le Mali reste le premier client du port.",
     ("Amadou Ba", "ministre", "ministère des Transports", "SEN")),
    # OCR noise in the side's word
    ("L'accord a été signé à Rabat, du c6té émirati, par Cheikh Saif Ben Zayed, ministre de "
     "l'Intérieur, et du côté marocain par le ministre de la Justice, M. Omar Bennani.",
     ("Saif Ben Zayed", "ministre", "ministère de l'Intérieur", "ARE")),
    # a demonym after a state body's name gives its state
    ("Le président du Haut conseil d'État libyen, Omar Zlitni, s'est rendu à Rabat où il a "
     "rencontré des responsables marocains.",
     ("Omar Zlitni", "président", "Haut conseil d'État", "LBY")),
    # a port authority is a body of the state of its port
    ("Le directeur général du Port autonome de Cotonou, Paul Ahoyo, a présenté le bilan.",
     ("Paul Ahoyo", "directeur général", "Port autonome de Cotonou", "BEN")),
])
def test_state_of_an_office_from_the_article(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # a rank of several words between the office and the name is no office
    ("Le chef de l'État guinéen, le général de corps d'armée Mamadou Keïta, a reçu la délégation.",
     ("Mamadou Keïta", "chef de l'État", None, "GIN")),
    ("Le nouveau gouvernement togolais compte 30 membres.\n- Ministre de la Sécurité : Commissaire "
     "divisionnaire de police Koffi Amegan\n- Ministre des Mines : Akua Mensah\nLa passation aura lieu lundi.",
     ("Koffi Amegan", "ministre", "ministère de la Sécurité", "TGO")),
    # an honorific after the comma, the office of a state named in the plural
    ("À Abou Dhabi, le président des Émirats arabes unis, cheikh Hamad ben Rashid, a reçu le ministre.",
     ("Hamad ben Rashid", "président", None, "ARE")),
    # an office of the place it governs, an honorific between it and the name
    ("L'accord a été signé en présence du Premier ministre, Karim Tazi, et du prince héritier de Charjah, "
     "cheikh Ahmed Al Qasimi.",
     ("Ahmed Al Qasimi", "prince héritier de Charjah", None, "ARE")),
    ("Au Burkina Faso, le décret a été lu par le secrétaire général du gouvernement, Yannick Kaboré, mardi.",
     ("Yannick Kaboré", "secrétaire général du gouvernement", None, "BFA")),
])
def test_rank_or_honorific_between_the_office_and_the_name(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


def test_state_named_across_the_end_of_a_title():
    from pipeline.extraction.mention import Mention
    from pipeline.extraction.roles import _state_across
    text = "le président de la République du Niger, le général Amadou Issa"
    ms = [Mention(text.index("République"), text.index(","), "COUNTRY", text="République du Niger", norm="NER")]
    title_end = text.index(" du Niger")  # the title `président de la République`
    assert _state_across(ms, title_end) == "NER"
    # a state named after the title, not across its end, is the parse's to tie
    assert _state_across(ms, text.index(" de la République")) is None


@pytest.mark.parametrize("text, expected", [
    # the head of state the text left to the home country, named later by his demonym alone
    ("Le groupe portuaire a signé mardi à Rabat un accord en présence du président de la "
     "République, Paul Mbemba, et du roi Mohammed VI. La signature intervient après la visite à "
     "Rabat du chef de l'État gabonais, qui avait rencontré les ministres marocains et le Maroc.",
     {("Paul Mbemba", "président", None, "GAB"), ("Mohammed VI", "roi", None, "MAR")}),
    # the later demonym names a state whose head the text gives: the home keeps its own
    ("Le président de la République, Paul Mbemba, a reçu à Rabat le président sénégalais Macky "
     "Diallo. Le Maroc salue la visite du président sénégalais.",
     {("Paul Mbemba", "président", None, "MAR"), ("Macky Diallo", "président", None, "SEN")}),
])
def test_head_of_state_named_later_by_a_demonym(analyse, text, expected):
    assert roles(analyse(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("après la visite du chef de l'État congolais, au cours de laquelle", ["COG"]),
    ("le Souverain et le Président émirati ont présidé", ["ARE"]),
    # a demonym on a named head is no back-reference
    ("le président sénégalais, Macky Diallo, a dit", []),
])
def test_unnamed_heads_of_state(analyse, text, expected):
    from pipeline.extraction.roles import _unnamed_heads
    doc = analyse(text)
    assert [c for _, c in _unnamed_heads(text, doc._.mentions)] == expected


@pytest.mark.parametrize("text, expected", [
    # a bilateral visit: the bare office is the host's, where the event was held
    ("Le ministre turc des Affaires étrangères, Ali Demir, a reçu mardi à Ankara son homologue "
     "somalien, Omar Hassan. La Somalie et la Turquie ont signé un accord sur le pétrole somalien. "
     "Le président somalien, Abdi Farah, avait salué l'accord. Le ministre de l'Énergie, Murat "
     "Kaya, a précisé le calendrier.",
     ("Murat Kaya", "ministre", "ministère de l'Énergie", "TUR")),
    # a visiting delegation's demonym does not vote for the article's state
    ("Le chef de l'État malien, Issa Keita, a reçu hier à Bamako une délégation nigérienne "
     "conduite par le ministre nigérien de la Défense, Ali Moussa. Les soldats nigériens "
     "patrouillent déjà le long de la frontière. Le ministre des Affaires étrangères, Modibo "
     "Sidibé, a salué la visite.",
     ("Modibo Sidibé", "ministre", "ministère des Affaires étrangères", "MLI")),
])
def test_bare_office_of_a_visit_is_the_hosts(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Le ministre a reçu mardi à Ankara son homologue.", "TUR"),
    ("Les deux groupes ont signé hier à Brazzaville une convention.", "COG"),
    # a meeting to come, a convention's place, a seat: no event held there
    ("Les chefs d'État se réuniront lundi à Addis-Abeba.", None),
    ("La convention signée à La Haye reste en vigueur.", None),
    ("La force, dont le quartier général est installé à Niamey, compte 5 000 hommes.", None),
])
def test_venue_of_the_event(analyse, text, expected):
    from pipeline.extraction.roles import _venue
    doc = analyse(text)
    assert _venue(text, sorted(doc._.mentions, key=lambda m: m.start)) == expected


@pytest.mark.parametrize("text, expected", [
    # one demonym on a minister's office counts once, read by the pattern or the MINISTRY mention
    ("Le ministre turc des Affaires étrangères, Ali Demir, est arrivé.", {"TUR": 1}),
    ("Une délégation nigérienne est arrivée.", {"NER": 1}),
    # a counterpart is named from either side: no guest
    ("Il a reçu son homologue marocain.", {}),
])
def test_office_and_guest_demonyms(analyse, text, expected):
    from pipeline.extraction.roles import _office_demonyms
    doc = analyse(text)
    assert dict(_office_demonyms(text, doc._.mentions)) == expected


@pytest.mark.parametrize("text, expected", [
    # paired by `et` with an office marked as of the article's state: the other party's
    ("Les groupes français ont signé trois contrats gaziers avec l'Algérie. Les accords ont été "
     "signés par Karim Yousfi, ministre de l'Énergie, et Paul Martin, ministre français de "
     "l'Industrie. Le gaz algérien arrivera au port français de Fos, puis sur le marché français.",
     {("Karim Yousfi", "ministre", "ministère de l'Énergie", "DZA"),
      ("Paul Martin", "ministre", "ministère de l'Industrie", "FRA")}),
    # paired with a foreign counterpart: the bare office stays the article's
    ("Le Maroc et la Tunisie renforcent leur coopération. Le ministre de l'Intérieur, Karim Alami, "
     "et son homologue tunisien, Hedi Gharbi, ont signé l'accord à Rabat.",
     {("Karim Alami", "ministre", "ministère de l'Intérieur", "MAR")}),
])
def test_office_paired_with_one_of_the_articles_state(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] in {e[0] for e in expected}} == expected


@pytest.mark.parametrize("text, expected", [
    # a lower-case kind noun pointing back at the organization whose name it opens
    ("La Fédération royale marocaine de basket (FRMB) a tenu son assemblée. Selon le secrétaire général de "
     "la fédération, Hamid Najemi, les matchs ont attiré un million de spectateurs.",
     ("Hamid Najemi", "secrétaire général", "Fédération royale marocaine de basket", None)),
    # an English kind noun closing the name
    ("Le chinois Huaxin Cement Group a signé le contrat au Caire. Le président du groupe, Li Wenhao, a indiqué "
     "que la production débutera en 2027.",
     ("Li Wenhao", "président", "Huaxin Cement Group", None)),
])
def test_kind_noun_points_back_at_the_organization(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


def test_second_office_added_by_par_ailleurs(analyse):
    doc = analyse("Au Maroc, le budget a été présenté par Karim Lekhal, par ailleurs ministre délégué chargé du "
                  "Budget, devant l'assemblée.")
    assert ("Karim Lekhal", "ministre délégué", "ministère délégué chargé du Budget", "MAR") in roles(doc)


@pytest.mark.parametrize("text, expected", [
    # a plural office of `la commune`, the municipal council named before, then its names
    ("Karim Alami a été élu à la tête du Conseil communal de Safi. La session a été marquée par l'élection "
     "des 4 vice-présidents de la commune, à savoir Said Bennani, Omar Fassi et Nadia Tazi, ainsi que le "
     "secrétaire du Conseil.",
     {("Said Bennani", "vice-président", "Conseil communal de Safi", "MAR"),
      ("Omar Fassi", "vice-président", "Conseil communal de Safi", "MAR"),
      ("Nadia Tazi", "vice-président", "Conseil communal de Safi", "MAR")}),
    # one office of it, before the name
    ("Karim Alami a été élu à la tête du Conseil communal de Safi. Le secrétaire général de la commune, "
     "Said Bennani, a ouvert la séance.",
     {("Said Bennani", "secrétaire général", "Conseil communal de Safi", "MAR")}),
    # no council named before: `la commune` points at nothing
    ("Le secrétaire général de la commune, Said Bennani, a ouvert la séance à Safi.", set()),
])
def test_commune_points_back_at_the_municipal_council(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] != "Karim Alami"} == expected


def test_relative_dont_gives_the_office_of_the_organization(analyse):
    doc = analyse("Selon la Banque ouest-africaine de développement (BOAD), dont le nouveau président, le "
                  "Sénégalais Moussa Diop, participait au sommet, la dette augmente.")
    assert ("Moussa Diop", "président", "Banque ouest-africaine de développement", None) in roles(doc)


def test_counterpart_of_a_minister_of_state_is_a_minister(analyse):
    # of the host's two offices, the minister's of a ministry is the one the counterpart holds
    doc = analyse("Le ministre d'État, ministre des Affaires étrangères, Ahmed Attal, a reçu à Alger son "
                  "homologue nigérien, Bakary Sangaré.")
    assert {r for r in roles(doc) if r[0] == "Bakary Sangaré"} == {("Bakary Sangaré", "ministre", None, "NER")}


@pytest.mark.parametrize("text, expected", [
    # an adjective naming the office's body, no comma: the name the model misses is found too
    ("Le commissaire européen Paolo Ventura est attendu à Nouakchott lundi.",
     {("Paolo Ventura", "commissaire européen", None, None)}),
    # `national` only says the nation's: out of the title; a federation's office has no state
    ("Le sélectionneur national, Hervé Lemaire, a publié sa liste à Rabat.",
     {("Hervé Lemaire", "sélectionneur", None, None)}),
    # an office of nothing the text names is still no role
    ("Le nouveau patron Karim Tazi est arrivé à Rabat.", set()),
])
def test_office_named_by_its_adjective(analyse, text, expected):
    assert roles(analyse(text)) == expected


def test_possessive_plural_office_then_its_names(analyse):
    doc = analyse("La Fédération marocaine de tennis a réuni son bureau. Ses vice-présidents : Karim Alami, "
                  "Said Bennani et Omar Fassi.")
    assert {("Karim Alami", "vice-président", "Fédération marocaine de tennis", None),
            ("Omar Fassi", "vice-président", "Fédération marocaine de tennis", None)} <= roles(doc)
    # a person named between the organization and the list: whose offices they are is unclear
    doc = analyse("La Fédération marocaine de tennis a reçu Hamid Tazi. Ses vice-présidents : Karim Alami, "
                  "Said Bennani et Omar Fassi.")
    assert not any(o for _, _, o, _ in roles(doc))


@pytest.mark.parametrize("text, expected", [
    # `l'instance` names no kind: it points back at the organization the article is about
    ("La Fédération royale marocaine de rugby (FRMR) a tenu son assemblée. La FRMR a adopté son budget. "
     "Le président de l'instance, Karim Lekhal, a présenté les comptes.",
     {("Karim Lekhal", "président", "Fédération royale marocaine de rugby", None)}),
    # an organization named once is not what the article is about
    ("La Fédération royale marocaine de rugby a tenu son assemblée. Le président de l'instance, Karim "
     "Lekhal, a présenté les comptes.", set()),
])
def test_generic_noun_points_back_at_the_article_organization(analyse, text, expected):
    assert {r for r in roles(analyse(text)) if r[2]} == expected


@pytest.mark.parametrize("text, expected", [
    # two offices before the name, the first of a state, then a rank
    ("OUAGADOUGOU – Le président du Faso, chef de l'État, le capitaine Ibrahim Kaboré, a signé le décret.",
     {("Ibrahim Kaboré", "président", None, "BFA"), ("Ibrahim Kaboré", "chef de l'État", None, "BFA")}),
    # a bare minister's title points back at the ministry the sentence before names
    ("Le secteur pèse 5 % du PIB du Bénin, selon le ministère du Numérique et de la Digitalisation. "
     "La ministre Aurélie Zinsou a annoncé le lancement de la 5G.",
     {("Aurélie Zinsou", "ministre", "ministère du Numérique et de la Digitalisation", "BEN")}),
    # a name between the ministry and the title: no ministry to point at
    ("Le ministère de l'Intérieur a reçu Karim Tazi. La ministre Aurélie Zinsou a annoncé la 5G au Bénin.",
     {("Aurélie Zinsou", "ministre", None, "BEN")}),
    ("En Côte d'Ivoire, le ministre gouverneur Koffi Yao a ouvert l'assemblée à Abidjan.",
     {("Koffi Yao", "ministre gouverneur", None, "CIV")}),
])
def test_office_before_the_name_read_from_around_it(analyse, text, expected):
    person = next(iter(expected))[0]
    assert {r for r in roles(analyse(text)) if r[0] == person} == expected


@pytest.mark.parametrize("text, expected", [
    # a nationality word two states share goes to the one the article names (`RDC`, `Kinshasa`)
    ("Le cuivre congolais et le cobalt congolais seront transformés en RDC, selon le ministre de "
     "l'Industrie, Paul Mbuyi.",
     ("Paul Mbuyi", "ministre", "ministère de l'Industrie", "COD")),
    # and stays with its own state where the article names that one
    ("Le bois congolais part de Pointe-Noire. Au Congo, le ministre des Forêts, Jean Ngoma, "
     "a fixé de nouveaux quotas.",
     ("Jean Ngoma", "ministre", "ministère des Forêts", "COG")),
])
def test_shared_nationality_word_goes_to_the_state_named(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # `du`, and an administrative division between the title and its place, stay in the title
    ("Au Sénégal, le gouverneur du Fouladou, Moussa Diallo, a inauguré le marché.",
     ("Moussa Diallo", "gouverneur du Fouladou", None, "SEN")),
    ("Le gouverneur de la province de Kivuro, Jean Habimana, a reçu les bailleurs au Burundi.",
     ("Jean Habimana", "gouverneur de la province de Kivuro", None, "BDI")),
    ("Madame Awa Ndiaye, administratrice civile, est nommée préfète du département de Kandiba, "
     "a annoncé le gouvernement du Sénégal.",
     ("Awa Ndiaye", "préfète du département de Kandiba", None, "SEN")),
    # a woman's title keeps its feminine
    ("À Kinshasa, la Première ministre Marie Kabila a ouvert la session en RDC.",
     ("Marie Kabila", "première ministre", None, "COD")),
])
def test_jurisdiction_and_feminine_titles(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # two offices of a government in apposition before a rank and the name: both are the name's
    ("Au Mali, le président de la Transition, chef de l'État, le colonel Moussa Keïta, a reçu les "
     "chefs coutumiers.",
     {("Moussa Keïta", "président de la transition", None, "MLI"), ("Moussa Keïta", "chef de l'État", None, "MLI")}),
    ("Au Gabon, le Premier ministre, chef du gouvernement, Paul Ndong, a présenté son équipe.",
     {("Paul Ndong", "premier ministre", None, "GAB"), ("Paul Ndong", "chef du gouvernement", None, "GAB")}),
    # an office before `le maréchal Y` is Y's, not that of the name before it
    ("Selon le porte-parole Ali Saleh, le président de la République, le maréchal Idriss Abakar, "
     "a signé le décret au Tchad.",
     {("Idriss Abakar", "président", None, "TCD")}),
    # an office of the head of state's own services, named by no mention
    ("Le décret a été lu par le secrétaire général de la Présidence, Ali Saleh, à la radio du Tchad.",
     {("Ali Saleh", "secrétaire général de la Présidence", None, "TCD")}),
])
def test_chained_government_offices_and_ranks(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == next(iter(expected))[0]} == expected


@pytest.mark.parametrize("text, expected", [
    # English names of state bodies: by their first words or their last word
    ("À Nairobi, le gouverneur de la Central Bank of Kenya, Peter Mwangi, a maintenu son taux.",
     ("Peter Mwangi", "gouverneur", "Central Bank of Kenya", "KEN")),
    ("Au Ghana, la directrice générale de la Ghana Revenue Authority, Ama Mensah, a publié les recettes.",
     ("Ama Mensah", "directrice générale", "Ghana Revenue Authority", "GHA")),
    # a national fund is a state body; an international one is not
    ("À Dakar, le directeur général du Fonds national de l'habitat, Moussa Sall, a lancé le "
     "programme au Sénégal.",
     ("Moussa Sall", "directeur général", "Fonds national de l'habitat", "SEN")),
    ("À Dakar, le directeur adjoint du Fonds monétaire international, Jean Dupont, a salué "
     "les réformes du Sénégal.",
     ("Jean Dupont", "directeur adjoint", "Fonds monétaire international", None)),
    # a bank named after a continent is a company, not a state's
    ("Au Mali, le directeur général de la Bank of Africa, Karim Touré, a présenté les résultats.",
     ("Karim Touré", "directeur général", "Bank of Africa", None)),
])
def test_state_bodies_by_their_name(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # `son|sa` points back to the organization the sentence before is about (its subject) ...
    ("La Banque centrale du Ghana sera sollicitée pour un prêt, un mécanisme critiqué par la "
     "Banque mondiale. Son gouverneur, Kofi Asante, a défendu la mesure.",
     ("Kofi Asante", "gouverneur", "Banque centrale du Ghana", "GHA")),
    # ... and to the one it names last where no organization is its subject
    ("Les tarifs fixés en mai par l'Autorité de régulation des ports restent en vigueur au Bénin. "
     "Son président, Ali Bako, a défendu la mesure.",
     ("Ali Bako", "président", "Autorité de régulation des ports", "BEN")),
])
def test_possessive_office_points_back_at_the_subject(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # an appointments list: the name heads its item, the office follows its comma
    ("Le Conseil a procédé aux nominations suivantes :\n– Yawo Kodjo Agbéko, directeur général de "
     "la Société togolaise des eaux ;\n– Afi Mawuena Dogbé, secrétaire générale du ministère de la Santé.",
     {("Yawo Kodjo Agbéko", "directeur général", "Société togolaise des eaux", None),
      ("Afi Mawuena Dogbé", "secrétaire générale", "ministère de la Santé", "TGO")}),
    ("Sont nommés au Bénin :\n1. Codjo Sènan Houéto, préfet de Porto-Novo ;\n2. Mariam Adjoké Bello, "
     "directrice de l'Agence nationale du domaine.",
     {("Codjo Sènan Houéto", "préfet de Porto-Novo", None, "BEN"),
      ("Mariam Adjoké Bello", "directrice", "Agence nationale du domaine", "BEN")}),
])
def test_names_heading_list_items(analyse, text, expected):
    doc = analyse(text)
    people = {m.text for m in doc._.mentions if m.label == "PERSON"}
    assert {r[0] for r in expected} <= people
    assert expected <= set(roles(doc))


def test_list_item_opened_by_a_body_is_no_name(analyse):
    doc = analyse("Les entités suivantes recrutent :\n– Port Autonome, directeur financier ;\n"
                  "– Le Colonel, commandant de la base.")
    assert not [m for m in doc._.mentions if m.label == "PERSON"]


@pytest.mark.parametrize("text, expected", [
    # `le groupe <adjective> X` introduces X; `du groupe` then points back to it
    ("La filiale malienne du groupe sénégalais Sahel Finances a publié ses comptes. Le président "
     "du groupe, Ousmane Diagne, vise de nouveaux marchés.",
     ("Ousmane Diagne", "président", "Sahel Finances", None)),
    ("Le groupe bancaire Atlas Holding a publié ses résultats. « Le bilan est solide », a déclaré "
     "le chief executive du groupe, Jean Dupuis, à Port-Louis.",
     ("Jean Dupuis", "chief executive", "Atlas Holding", None)),
])
def test_group_introduced_with_an_adjective(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == expected[0]} == {expected}


@pytest.mark.parametrize("text, expected", [
    # the paraphrase of a minister's office gives no role where the ministry is named
    ("Au Burundi, son chef de la diplomatie, Jean Ndikumana, ministre des Affaires étrangères, "
     "s'est rendu à Paris.",
     {("Jean Ndikumana", "ministre", "ministère des Affaires étrangères", "BDI")}),
    # alone, it is the office
    ("Le chef de la diplomatie gabonaise, Paul Ondo, a rencontré des élus à Rabat.",
     {("Paul Ondo", "chef de la diplomatie", None, "GAB")}),
])
def test_paraphrase_of_a_ministers_office(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == next(iter(expected))[0]} == expected


@pytest.mark.parametrize("text, expected", [
    # the organization led by a name, then the name's office by a possessive
    ("La Compagnie sucrière du Niger (CSN), dirigée depuis 2021 par Ali Garba, son directeur général, "
     "doit doubler sa production.",
     {("Ali Garba", "directeur général", "Compagnie sucrière du Niger", None)}),
    ("L'Agence nationale des routes, présidée par Awa Diallo, sa présidente, a lancé trois chantiers au Mali.",
     {("Awa Diallo", "présidente", "Agence nationale des routes", "MLI")}),
])
def test_office_of_the_organization_led_by_a_name(analyse, text, expected):
    found = roles(analyse(text))
    assert {r for r in found if r[0] == next(iter(expected))[0]} == expected


def test_the_long_title_patterns_are_not_compiled_again_per_article(analyse, monkeypatch):
    # re's own cache holds 512 patterns and every article's names pass through it; the roles'
    # patterns built around the titles' alternation (KBs) are compiled once, not per eviction
    import re
    import re._compiler as compiler   # private, but the one place a compilation shows
    text = ("DAKAR, 3 mars (APS) - Le ministre des Finances, Cheikh Diba, a reçu le PDG de Kalfa "
            "Mining, Awa Ndiaye Sarr. Le président de la République, Bassirou Diomaye Faye, "
            "représenté par son directeur de cabinet, Ousmane Ba, a salué l'accord.\n")
    analyse(text)
    re.purge()                         # as a long batch's names would have flooded it
    long_ones = []
    compile_ = compiler.compile
    monkeypatch.setattr(compiler, "compile", lambda p, flags=0: (
        long_ones.append(len(p)) if isinstance(p, str) and len(p) > 1000 else None, compile_(p, flags))[1])
    analyse(text)
    assert long_ones == []
