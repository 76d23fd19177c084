"""The learned span recognizer: training smoke test, the shipped component, and how
its spans combine with the rules'."""
from __future__ import annotations

import json

import pytest

from pipeline.extraction import learned
from pipeline.extraction.mention import Mention
from pipeline.training import record_to_doc, split_folds, train_model


def _record(text: str, spans: list[tuple[str, str]]) -> dict:
    ents, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        ents.append({"start": start, "end": start + len(surface), "label": label,
                     "text": surface, "norm": surface})
        pos = start + len(surface)
    return {"file": "x.txt", "text": text, "entities": ents, "roles": []}


RECORDS = [
    _record(" date 2025-03-02\nLa ministre Amina Tazi a reçu à Tanger le directeur de la Banque "
            "africaine de développement.\n",
            [("Amina Tazi", "PERSON"), ("Tanger", "LOC"),
             ("Banque africaine de développement", "ORG")]),
    _record("Le Sénégal et le Maroc ont signé un accord lors du Forum de Dakar, a indiqué "
            "Karim Ndiaye, 12 millions de dirhams.\n",
            [("Sénégal", "COUNTRY"), ("Maroc", "COUNTRY"), ("Forum de Dakar", "EVENT"),
             ("Karim Ndiaye", "PERSON"), ("12 millions de dirhams", "MONEY")]),
]


def test_training_doc_is_the_prose_the_pipeline_sees(fr_nlp):
    doc, dropped = record_to_doc(fr_nlp, RECORDS[0], ("PERSON", "ORG", "LOC"))
    # the header is blanked with spaces of the same length, as reader.prose does
    assert doc.text.startswith(" " * 16 + "\n") and len(doc.text) == len(RECORDS[0]["text"])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Amina Tazi", "PER"), ("Tanger", "LOC"), ("Banque africaine de développement", "ORG")]
    assert dropped == 0


def test_labels_outside_the_learned_set_are_not_trained(fr_nlp):
    doc, _ = record_to_doc(fr_nlp, RECORDS[1], ("PERSON", "COUNTRY", "EVENT"))
    assert "MONEY" not in {e.label_ for e in doc.ents}


def test_folds_are_disjoint_and_cover_everything():
    folds = split_folds(11, 5)
    assert sorted(i for f in folds for i in f) == list(range(11))
    assert split_folds(11, 5) == folds   # fixed seed


def test_training_smoke_one_epoch_two_documents(tmp_path):
    target = train_model(RECORDS, tmp_path, epochs=1, quiet=True)
    assert (target / "model").is_file() and (target / "component.json").is_file()
    assert not (target / "vocab").exists()   # vectors come from the stock package
    cfg = json.loads((target / "component.json").read_text(encoding="utf-8"))
    assert cfg["factory"] == "ner"


def test_shipped_component_labels_a_sentence(analyse):
    assert learned.model_available(), "models/ner/news_ner is missing: python -m pipeline train"
    doc = analyse("Lors de sa visite à Casablanca, le président de la Fédération nationale du "
                  "tourisme, Hamid Bentahar, a rencontré les élus de la région.\n")
    found = {(doc.text[s:e], lab) for s, e, lab in doc._.learned}
    assert ("Hamid Bentahar", "PERSON") in found
    assert ("Casablanca", "LOC") in found
    assert all(lab in learned.settings()["train_labels"] for _, _, lab in doc._.learned)


@pytest.fixture()
def modes():
    yield learned.set_use
    learned.set_use(None)


def test_combination_modes(fr_nlp, modes):
    doc = fr_nlp.make_doc("Le groupe Akdital Holding ouvre une clinique à Oued Zem.")
    org_s = doc.text.index("Akdital")
    org_model = (org_s, org_s + len("Akdital Holding"), "ORG")
    loc_s = doc.text.index("Oued Zem")
    doc._.learned = [org_model, (loc_s, loc_s + 8, "LOC")]
    rule_org = Mention(org_s, org_s + 7, "ORG", "Akdital", norm="Akdital", priority=3)
    rule_loc = Mention(loc_s, loc_s + 8, "LOC", "Oued Zem", norm="Oued Zem", source="gaz")

    modes({"ORG": "rules", "LOC": "rules"})
    assert learned.split_learned(doc, [rule_org, rule_loc]) == ([], [], frozenset())

    modes({"ORG": "model_first", "LOC": "rules_first"})
    first, last, only = learned.split_learned(doc, [rule_org, rule_loc])
    assert [(m.text, m.label) for m in first] == [("Akdital Holding", "ORG")]
    assert last == [rule_loc]            # same span as a rule: the rule's mention and values
    assert only == frozenset()

    modes({"ORG": "model", "LOC": "rules"})
    assert learned.split_learned(doc, [rule_org])[2] == frozenset({"ORG"})


def test_a_country_the_gazetteer_cannot_code_is_dropped(fr_nlp, modes):
    doc = fr_nlp.make_doc("Le Maroc et la Zorglubie ont signé.")
    modes({"COUNTRY": "model_first"})
    doc._.learned = [(3, 8, "COUNTRY"), (15, 24, "COUNTRY")]
    first, _, _ = learned.split_learned(doc, [])
    assert [(m.text, m.norm, m.country) for m in first] == [("Maroc", "MAR", "MAR")]


def test_instead_of_the_stock_ner_it_sets_the_entities_the_rules_read(fr_nlp):
    """In place of the stock ner, doc.ents carry the stock names (COUNTRY -> LOC,
    PERSON -> PER) that model_entities and the rules' ent_type_ checks read, and
    doc._.learned the gold labels."""
    comp = learned.LearnedSpans(fr_nlp, "news_learned", None, replace_ner=True)
    doc = fr_nlp.make_doc("Le ministre marocain Nasser Bourita a reçu son homologue à Rabat, "
                          "a annoncé le Maroc.")
    comp(doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    found = {(doc.text[s:e], lab) for s, e, lab in doc._.learned}
    assert ("Nasser Bourita", "PER") in ents and ("Nasser Bourita", "PERSON") in found
    assert ("Maroc", "LOC") in ents and ("Maroc", "COUNTRY") in found
    assert [t.ent_type_ for t in doc if t.text == "Nasser"] == ["PER"]
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "MISC"}


def test_a_nationality_before_a_name_is_not_part_of_it(fr_nlp):
    from pipeline.extraction.model_entities import trim_span
    doc = fr_nlp.make_doc("Selon le Sénégalais Mamadou Lamine Diallo, le vote est reporté.")
    s, e = trim_span(doc, 2, 6, "PERSON")
    assert doc[s:e].text == "Mamadou Lamine Diallo"


def test_a_name_does_not_start_inside_a_hyphenated_first_name(fr_nlp):
    from pipeline.extraction.model_entities import _hyphen_start
    doc = fr_nlp.make_doc("Le conseiller Nour-Eddine Lahlou et le duo Alami-Bennis-Tazi ont parlé.")
    words = [t.text for t in doc]
    assert doc[_hyphen_start(doc, words.index("Eddine")):words.index("Lahlou") + 1].text \
        == "Nour-Eddine Lahlou"
    # a chain of three is a list of names, not one first name
    assert _hyphen_start(doc, words.index("Bennis")) == words.index("Bennis")


def test_a_first_name_alone_takes_the_surname_after_it(fr_nlp):
    from pipeline.extraction.model_entities import _surname_end
    doc = fr_nlp("Le Béninois Rodrigue Houngbo a signé à Cotonou avec Aïcha au Bénin.")
    words = [t.text for t in doc]
    i = words.index("Rodrigue")
    assert _surname_end(doc, i, i + 1) == i + 2
    j = words.index("Aïcha")
    assert _surname_end(doc, j, j + 1) == j + 1     # `au` is no surname


@pytest.mark.parametrize("text, name, end_word", [
    # a third name after first name and surname (the parser may open a sentence there)
    ("Bineta Coumba Sarr et Moussa Kane sont arrivés à Thiès.", "Bineta Coumba", "Sarr"),
    # the rest of a hyphenated surname, which the tokenizer splits off
    ("La juge Mariam Kaboré-Sawadogo a ouvert l'audience.", "Mariam Kaboré", "Sawadogo"),
    # not a place, and not the first word of the next name
    ("Hier, Kofi Mensah Accra a été cité.", "Kofi Mensah", "Mensah"),
    ("Il a reçu Samuel Eto Paul Biya le même jour.", "Samuel Eto", "Eto"),
])
def test_a_first_name_and_surname_take_the_rest_of_the_name(fr_nlp, text, name, end_word):
    from pipeline.extraction.model_entities import _surname_end
    doc = fr_nlp(text)
    words = [t.text for t in doc]
    i = words.index(name.split()[0])
    assert _surname_end(doc, i, i + 2) == words.index(end_word) + 1


def test_cross_validation_reuses_a_fold_model_trained_on_the_same_articles(tmp_path, monkeypatch):
    from pipeline import crossval, training
    trained = []

    def fake_train(records, out_dir, epochs=None, quiet=False):
        trained.append(len(records))
        (out_dir / training.COMPONENT).mkdir(parents=True)
        return out_dir / training.COMPONENT

    monkeypatch.setattr(training, "train_model", fake_train)
    arts = [{"id": f"a{i}", "text": f"Texte {i}.", "entities": []} for i in range(3)]
    first = crossval.fold_model(arts, 12, tmp_path)
    assert crossval.fold_model(arts, 12, tmp_path) == first and trained == [3]
    # other articles or other epochs are another model
    crossval.fold_model(arts[:2], 12, tmp_path)
    crossval.fold_model(arts, 3, tmp_path)
    assert trained == [3, 2, 3]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp")]


def test_a_fold_model_key_follows_what_training_reads_of_combine_json(tmp_path, monkeypatch):
    # the note and the combining modes are re-decided from the fold models: editing them
    # must not throw the cached models away; the labels trained must
    import shutil
    from pipeline import crossval
    for rel in crossval._TRAINING_INPUTS + ("models/ner/combine.json",):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(crossval.ROOT / rel, tmp_path / rel)
    monkeypatch.setattr(crossval, "ROOT", tmp_path)
    arts = [{"id": "a", "text": "Texte.", "entities": []}]
    path = tmp_path / "models" / "ner" / "combine.json"
    key = crossval.fold_key(arts, 12)
    combine = json.loads(path.read_text(encoding="utf-8"))
    combine["_doc"], combine["use"] = "another note", {lab: "model" for lab in combine["use"]}
    path.write_text(json.dumps(combine), encoding="utf-8")
    assert crossval.fold_key(arts, 12) == key
    combine["train_labels"] = combine["train_labels"][:-1]
    path.write_text(json.dumps(combine), encoding="utf-8")
    assert crossval.fold_key(arts, 12) != key
