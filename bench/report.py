"""Turns bench/results.json into REPORT.md and its figures, with each figure against its target."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

TARGETS = {"intent_macro_f1": 0.92, "language_in_context": 0.97, "language_opening": 0.85, "extraction": 0.95}


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return str(value)


def _plots(results: Dict[str, Any], figures: Path) -> List[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figures.mkdir(exist_ok=True)
    names = []
    panels = [key for key in ("nlu", "language", "extraction", "speed") if key in results]
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4))
    axes = axes if len(panels) > 1 else [axes]
    for ax, key in zip(axes, panels):
        data = results[key]
        if key == "nlu":
            langs = sorted(data["per_language"])
            blind = results.get("nlu_blind", {}).get("per_language", {})
            offset = 0.2 if blind else 0.0
            positions = range(len(langs))
            ax.bar([i - offset for i in positions], [data["per_language"][l]["macro_f1"] for l in langs],
                   width=0.4 if blind else 0.8, color="#2b6de8", label="cross-validation")
            if blind:
                ax.bar([i + offset for i in positions], [blind[l]["macro_f1"] if l in blind else 0 for l in langs],
                       width=0.4, color="#9bb8f2", label="blind set")
            ax.set_xticks(list(positions), langs)
            ax.axhline(TARGETS["intent_macro_f1"], color="red", linestyle="--", label="target 0.92")
            ax.set_ylim(0.5, 1.0)
            ax.set_title(f"Intent macro-F1 ({data['folds']}-fold CV)")
            ax.legend(loc="lower right")
        elif key == "language":
            methods = [m for m in ("in_context", "opening", "lingua", "langdetect") if data.get(m) is not None]
            ax.bar(methods, [data[m] for m in methods], color=["#2b6de8", "#5b8def", "#999999", "#bbbbbb"][: len(methods)])
            ax.axhline(TARGETS["language_in_context"], color="red", linestyle="--", label="in context ≥ 0.97")
            ax.axhline(TARGETS["language_opening"], color="orange", linestyle=":", label="opening ≥ 0.85")
            ax.set_ylim(0, 1.0)
            ax.set_title(f"Language on 1–3 word messages (n={data['messages']})")
            ax.legend(loc="lower left", fontsize=8)
        elif key == "extraction":
            table = data.get("blind_per_field") or data["per_field"]
            fields = sorted(table)
            means = [sum(table[f].values()) / len(table[f]) for f in fields]
            ax.barh(fields, means, color="#2fbf71")
            ax.axvline(TARGETS["extraction"], color="red", linestyle="--")
            ax.set_xlim(0.5, 1.0)
            ax.set_title("Extraction, blind set (mean over languages)" if "blind_per_field" in data
                         else "Extraction accuracy (mean over languages)")
        elif key == "speed":
            ax.hist(data["latencies_ms"], bins=30, color="#7a5af8")
            ax.set_xlabel("ms per REST turn")
            ax.set_title(f"Reply latency (p50 {data['latency_ms']['p50']} ms)")
    fig.tight_layout()
    fig.savefig(figures / "bench.png", dpi=110)
    plt.close(fig)
    names.append("figures/bench.png")
    return names


def write_report(results: Dict[str, Any], here: Path) -> None:
    lines = ["# leadqual benchmark", "",
             f"Produced by `make bench` on {results['machine']['date']} ({results['machine']['cpus']} CPUs, "
             f"Python {results['machine']['python']}). Raw figures: `results.json`.", ""]
    for name in _plots(results, here / "figures"):
        lines += [f"![benchmark]({name})", ""]
    if "train" in results:
        t = results["train"]
        lines += ["## Training", "", f"Full `rasa train` (NLU + dialogue): **{t['seconds']} s**; model size **{t['model_mib']} MiB**.", ""]
    if "nlu" in results:
        n = results["nlu"]
        lines += ["## Intent classification", "",
                  f"Stratified {n['folds']}-fold cross-validation of the whole NLU pipeline over {n['examples']} examples "
                  f"(each fold trains on the other folds). Target: macro-F1 ≥ {TARGETS['intent_macro_f1']} in every language.", "",
                  "| language | macro-F1 | examples | fell back | peer: DIET (the earlier pipeline) | "
                  "peer: TF-IDF + linear SVM on the raw text |", "|---|---|---|---|---|---|"]
        diet = results.get("nlu_diet", {}).get("per_language", {})
        for language, row in sorted(n["per_language"].items()):
            lines.append(f"| {language} | {_fmt(row['macro_f1'])} | {row['examples']} | {row['fallback']} | "
                         f"{_fmt(diet.get(language, {}).get('macro_f1'))} | "
                         f"{_fmt(n.get('linear_peer', {}).get(language))} |")
        if diet:
            d = results["nlu_diet"]
            same = d["examples"] == n["examples"]
            lines += ["", f"DIET (`bench/diet.yml`: the pipeline before the linear classifier, 40 epochs, no transformer "
                      f"layers) was cross-validated by `python -m bench --parts nlu_diet` on {d.get('date', '?')} over "
                      f"{d['examples']} examples" + (", the same folds." if same else
                      ", the training data of that day, smaller than today's: its figures are not comparable "
                      "one for one.") + " It takes over an hour on two cores (more with more data), so `make bench` "
                      "does not re-run it."]
        lines += ["", "Folds are stratified by intent and language, and near-duplicates (the same text but for case, "
                  "accents, emojis and punctuation) always share a fold, so a variant of a held-out message is never "
                  "trained on.", ""]
        if n.get("fallback_grid"):
            lines += ["FallbackClassifier settings, scored on the same held-out predictions (mean macro-F1 over "
                      "languages / share of messages that fall back):", "",
                      "| threshold | ambiguity 0.0 | ambiguity 0.05 | ambiguity 0.1 |", "|---|---|---|---|"]
            for threshold in sorted({row["threshold"] for row in n["fallback_grid"]}):
                cells = {row["ambiguity_threshold"]: row for row in n["fallback_grid"] if row["threshold"] == threshold}
                lines.append(f"| {threshold} | " + " | ".join(
                    f"{_fmt(cells[a]['mean_macro_f1'])} / {cells[a]['fallback_rate']:.1%}" for a in sorted(cells)) + " |")
            lines.append("")
        lines += ["Weakest intents and most frequent confusions (true → predicted, count):", ""]
        for language, row in sorted(n["per_language"].items()):
            weakest = sorted(row.get("per_intent_f1", {}).items(), key=lambda item: item[1])[:3]
            lines.append(f"- {language}: " + ", ".join(f"{i} {_fmt(f)}" for i, f in weakest) + "; "
                         + ", ".join(f"{t} → {p} ({c})" for t, p, c in row.get("top_confusions", [])[:3]))
        lines.append("")
    if "nlu_annotation" in results:
        lines += ["### Second annotator", "",
                  "Every training example but 59 (added to the first batch afterwards) was labelled again, blind to its "
                  "intent, by a second annotator from the intent definitions alone (or marked *ambiguous*). The "
                  "examples the two did not agree on were removed from `data/nlu` before the cross-validation above.", "",
                  "| examples | language | labelled | agreed | ambiguous | other intent |", "|---|---|---|---|---|---|"]
        for batch in results["nlu_annotation"]["rounds"]:
            for language, row in sorted(batch["per_language"].items()):
                lines.append(f"| {batch['round']} | {language} | {row['examples']} | "
                             f"{row['agreed'] / row['examples']:.1%} | {row['ambiguous']} | {row['other_intent']} |")
        lines.append("")
    if "nlu_blind" in results:
        b = results["nlu_blind"]
        lines += ["### Blind set", "",
                  f"`bench/intent_blind.yml`: {b['examples']} chat messages (15 per intent and language) written by "
                  "someone who never saw the training data, classified by the trained model. "
                  f"{b['also_in_training']} of them (common ones such as “ok”) also occur in the training data, "
                  "written independently; the last column scores only the others.", "",
                  "| language | macro-F1 | fell back | macro-F1, messages not in the training data (n) |",
                  "|---|---|---|---|"]
        for language, row in sorted(b["per_language"].items()):
            unseen = b["unseen_per_language"].get(language, {})
            lines.append(f"| {language} | {_fmt(row['macro_f1'])} | {row['fallback']} | "
                         f"{_fmt(unseen.get('macro_f1'))} ({unseen.get('examples', 0)}) |")
        lines += ["", "Misses (text, truth, predicted): " + "; ".join(f"“{t}” {a}→{p}" for t, a, p in b["misses"][:30]), ""]
    if "language" in results:
        g = results["language"]
        lines += ["## Language decision on short messages", "",
                  f"{g['messages']} held-out chat messages of 1–3 words (`bench/short_messages.yml`). *In context*: the "
                  "message is the prospect's third short reply (the conversation-level decision after all three); "
                  "*opening*: the message opens a conversation with no channel hint. Peers see the message alone.", "",
                  "| method | all | 1–2 words | " + " | ".join(sorted(g["opening_per_language"])) + " |",
                  "|---|---|---|" + "---|" * len(g["opening_per_language"])]
        for key, label in (("in_context", "leadqual, in context"), ("opening", "leadqual, opening, no hint"),
                           ("lingua", "lingua (6 languages)"), ("langdetect", "raw langdetect")):
            per = g.get(f"{key}_per_language") or {}
            lines.append(f"| {label} | {_fmt(g.get(key))} | {_fmt(g.get(key + '_1_2_words'))} | "
                         + " | ".join(_fmt(per.get(l)) for l in sorted(g["opening_per_language"])) + " |")
        lines += ["", f"Targets: in context ≥ {TARGETS['language_in_context']}, opening ≥ {TARGETS['language_opening']}.", ""]
        if g.get("errors_opening"):
            lines += ["Openings still decided wrongly (text, truth, decided): " +
                      "; ".join(f"“{t}” {a}→{b}" for t, a, b in g["errors_opening"][:15]), ""]
    if "extraction" in results:
        e = results["extraction"]
        languages = sorted({l for row in e["per_field"].values() for l in row})
        lines += ["## Extraction", "", f"Held-out answers in `leadqual/data/extraction_eval.yml`; mean {_fmt(e['mean'])} "
                  f"(target ≥ {TARGETS['extraction']} per field).", "",
                  "| field | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
        for field, row in sorted(e["per_field"].items()):
            lines.append(f"| {field} | " + " | ".join(_fmt(row.get(l)) for l in languages) + " |")
        lines.append("")
        if "blind_per_field" in e:
            lines += [f"The set above was written together with the extractors. `bench/extraction_blind.yml` was written "
                      f"by someone who never read them. Scored blind, before anyone looked at its misses: "
                      f"**{_fmt(e['blind_first_score'])}**; those misses then guided general fixes (halves, spelled-out "
                      f"emails, head counts by parts, city names), so today's **{_fmt(e['blind_mean'])}** on it is "
                      f"optimistic.", "",
                      "| field (blind set) | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
            for field, row in sorted(e["blind_per_field"].items()):
                lines.append(f"| {field} | " + " | ".join(_fmt(row.get(l)) for l in languages) + " |")
            lines += ["", f"Blind-set misses ({len(e['blind_failures'])}): " + "; ".join(e["blind_failures"][:25]), ""]
    if "speed" in results:
        s = results["speed"]
        lines += ["## Speed and memory", "",
                  f"{s['turns']} REST turns over loopback against the real Rasa and action servers (SQLite): "
                  f"p50 **{s['latency_ms']['p50']} ms**, p95 **{s['latency_ms']['p95']} ms**, max {s['latency_ms']['max']} ms. "
                  f"Start-up {s['startup_seconds']} s. Resident memory: "
                  + ", ".join(f"{k} {v} MiB" for k, v in s["rss_mib"].items()) + ".", ""]
    (here / "REPORT.md").write_text("\n".join(lines), encoding="utf-8")
