"""Roles and the final filter on hand-written French sentences (not from the gold)."""
from __future__ import annotations


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
    assert ("Karim Alaoui", "directeur général", "Agence nationale des ports", None) in roles(doc)


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
